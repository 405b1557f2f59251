using System.Globalization;
using System.Text.RegularExpressions;
using ScottPlot;
using SkiaSharp;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Reports;

/// <summary>
/// Draws charts with ScottPlot as SVG, inlined in the pages. Text is measured with the font shipped in this assembly
/// (DejaVu Sans), never a system font, so a chart is the same bytes on every machine; ScottPlot's global font state is
/// set once and every render holds one lock, since ScottPlot caches typefaces in static state.
/// </summary>
public static partial class Charts
{
    public const string FontName = "DejaVu Sans";

    /// <summary>Series colours: a colour-blind-safe palette (Okabe-Ito), in a fixed order.</summary>
    public static readonly IReadOnlyList<Color> Palette =
    [
        Color.FromHex("#0072B2"), Color.FromHex("#D55E00"), Color.FromHex("#009E73"), Color.FromHex("#CC79A7"),
        Color.FromHex("#E69F00"), Color.FromHex("#56B4E9"), Color.FromHex("#F0E442"), Color.FromHex("#000000"),
        Color.FromHex("#999999"),
    ];

    private static readonly Lock Rendering = new();
    private static bool fontsSet;

    /// <summary>
    /// The plot as an SVG element, ready to inline in HTML. ScottPlot formats tick labels in the current culture when it
    /// renders ("500.000" under de-DE): the render runs under the invariant culture, so a page is the same bytes wherever
    /// it is made. A plot that shows its legend (<see cref="Plot.ShowLegend()"/>) gets it outside the chart, as an HTML
    /// key after the SVG, so that the data area keeps the chart's whole width however long the series' names are.
    /// </summary>
    public static string Svg(Plot plot, int width, int height)
    {
        lock (Rendering)
        {
            var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
            try
            {
                UseShippedFont();
                plot.Font.Set(FontName);
                var key = plot.Legend.IsVisible ? Key(plot) : "";
                plot.Legend.IsVisible = false;
                return XmlDeclaration().Replace(plot.GetSvgXml(width, height), "").Trim() + key;
            }
            finally
            {
                (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
            }
        }
    }

    /// <summary>
    /// Skia's SVG writer numbers clip paths from a process-wide counter: names them after the chart's place on its page
    /// instead, so that the bytes do not depend on what was drawn before and no two charts on a page share an id.
    /// </summary>
    public static string NameClipPaths(string svg, string prefix)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        return ClipId().Replace(svg, m =>
        {
            if (!names.TryGetValue(m.Groups[2].Value, out var name)) names[m.Groups[2].Value] = name = $"{prefix}-clip{names.Count}";
            return m.Groups[1].Value + name;
        });
    }

    /// <summary>The legend as a line of HTML: a swatch per series in its colour and style (line, dashed line, fill, marker), then its name.</summary>
    private static string Key(Plot plot)
    {
        var items = plot.GetPlottables().SelectMany(p => p.LegendItems).Concat(plot.Legend.ManualItems)
            .Where(i => i.IsVisible && !string.IsNullOrEmpty(i.LabelText)).ToList();
        if (items.Count == 0) return "";
        var key = new System.Text.StringBuilder("\n<p class=\"key\">");
        foreach (var item in items)
        {
            var marker = item.LineWidth == 0 && !(item.FillColor.Alpha > 0) ? Glyph(item.MarkerShape) : null;
            var style = marker is not null ? $"color:{Css(item.MarkerFillColor.Alpha > 0 ? item.MarkerFillColor : item.MarkerLineColor)}"
                : item.FillColor.Alpha > 0 && item.LineWidth == 0 ? $"background:{Css(item.FillColor)}"
                : $"border-top:{Math.Max(2, item.LineWidth).ToString("0", CultureInfo.InvariantCulture)}px {(item.LinePattern.Equals(LinePattern.Solid) ? "solid" : "dashed")} {Css(item.LineColor)};height:0";
            key.Append("<span class=\"item\"><span class=\"").Append(marker is null ? "swatch" : "marker").Append("\" style=\"").Append(style).Append("\">")
                .Append(marker ?? "").Append("</span>").Append(HtmlPage.Encode(item.LabelText)).Append("</span> ");
        }
        return key.ToString().TrimEnd() + "</p>";
    }

    /// <summary>A marker's shape as a character of the page's font.</summary>
    private static string Glyph(MarkerShape shape) => shape switch
    {
        MarkerShape.FilledSquare => "\u25A0",
        MarkerShape.OpenSquare => "\u25A1",
        MarkerShape.FilledTriangleUp => "\u25B2",
        MarkerShape.OpenTriangleUp => "\u25B3",
        MarkerShape.FilledDiamond => "\u25C6",
        MarkerShape.OpenDiamond => "\u25C7",
        MarkerShape.OpenCircle => "\u25CB",
        _ => "\u25CF",
    };

    private static string Css(Color color) =>
        color.Alpha == 255 ? $"#{color.R:X2}{color.G:X2}{color.B:X2}"
            : $"rgba({color.R},{color.G},{color.B},{(color.Alpha / 255.0).ToString("0.##", CultureInfo.InvariantCulture)})";

    /// <summary>The width in pixels of a text in the shipped font: for layouts drawn without ScottPlot (the flow picture).</summary>
    public static float TextWidth(string text, float size)
    {
        lock (Rendering)
        {
            measuring ??= new SKFont(ShippedFont.Typeface);
            measuring.Size = size;
            return measuring.MeasureText(text);
        }
    }

    private static SKFont? measuring;

    private static void UseShippedFont()
    {
        if (fontsSet) return;
        Fonts.FontResolvers.Clear();
        Fonts.FontResolvers.Add(new ShippedFont());
        Fonts.Default = FontName;
        Fonts.Sans = FontName;
        Fonts.Serif = FontName;
        Fonts.Monospace = FontName;
        fontsSet = true;
    }

    /// <summary>A line per series over the months from <paramref name="start"/>, with month labels on the X axis.</summary>
    public static Plot MonthLines(string title, string yLabel, YearMonth start, IEnumerable<(string Name, IReadOnlyList<double> Values)> series)
    {
        var plot = new Plot();
        plot.Title(title);
        plot.YLabel(yLabel);
        var count = 0;
        var months = 0;
        foreach (var (name, values) in series)
        {
            var line = plot.Add.ScatterLine(Enumerable.Range(0, values.Count).Select(i => (double)i).ToArray(), values.ToArray(), Palette[count % Palette.Count]);
            line.LegendText = name;
            line.LineWidth = 2;
            if (count >= Palette.Count) line.LinePattern = LinePattern.Dashed;
            months = Math.Max(months, values.Count);
            count++;
        }
        MonthAxis(plot, start, months);
        plot.Axes.Margins(bottom: 0);
        plot.ShowLegend();
        return plot;
    }

    /// <summary>Labels X positions 0..months-1 with their months (YYYY-MM), at most about a dozen labels.</summary>
    public static void MonthAxis(Plot plot, YearMonth start, int months)
    {
        var step = Math.Max(1, (int)Math.Ceiling(months / 12.0));
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (var i = 0; i < months; i += step) ticks.AddMajor(i, start.AddMonths(i).ToString());
        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.Bottom.TickLabelStyle.Rotation = -45;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
        plot.Axes.Bottom.MinimumSize = 75;
    }

    /// <summary>
    /// Bars side by side: a group per category, a bar per series in each group, with a legend of the series; with
    /// <paramref name="upper"/>, a whisker from each bar up to its value there (a 95th percentile over a median).
    /// </summary>
    public static Plot GroupedBars(string title, string yLabel, IReadOnlyList<string> categories, IReadOnlyList<(string Name, IReadOnlyList<double> Values)> series,
        IReadOnlyList<IReadOnlyList<double>>? upper = null)
    {
        var plot = new Plot();
        plot.Title(title);
        plot.YLabel(yLabel);
        var width = 0.8 / series.Count;
        var bars = new List<Bar>();
        for (var s = 0; s < series.Count; s++)
        {
            var color = Palette[s % Palette.Count];
            for (var c = 0; c < categories.Count; c++)
                bars.Add(new Bar { Position = c - 0.4 + width * (s + 0.5), Value = series[s].Values[c], Size = width * 0.9, FillColor = color, LineWidth = 0 });
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = series[s].Name, FillColor = color });
        }
        plot.Add.Bars(bars);
        if (upper is not null)
        {
            var positions = Enumerable.Range(0, series.Count).SelectMany(s => Enumerable.Range(0, categories.Count).Select(c => c - 0.4 + width * (s + 0.5))).ToList();
            var values = series.SelectMany(s => s.Values).ToList();
            var whiskers = plot.Add.ErrorBar(positions, values, upper.SelectMany(u => u).Zip(values, (top, value) => Math.Max(0, top - value)).ToList());
            whiskers.YErrorNegative = values.Select(_ => 0.0).ToList();
            whiskers.Color = Colors.Black;
        }
        CategoryAxis(plot.Axes.Bottom, categories);
        plot.Axes.Margins(bottom: 0);
        plot.ShowLegend();
        return plot;
    }

    /// <summary>
    /// Points with whiskers (value, lower, upper): a group per category, a point per series in each, set side by side so
    /// that whiskers do not hide one another; no whisker where a value is exact (deterministic), none drawn for NaN.
    /// Nothing joins the points: each stands for itself.
    /// </summary>
    public static Plot DodgedPoints(string title, string yLabel, IReadOnlyList<string> categories,
        IReadOnlyList<(string Name, IReadOnlyList<(double Value, double Lower, double Upper, bool Exact)> Values)> series)
    {
        var plot = new Plot();
        plot.Title(title);
        plot.YLabel(yLabel);
        var step = series.Count == 1 ? 0 : 0.5 / (series.Count - 1);
        for (var s = 0; s < series.Count; s++)
        {
            var color = Palette[s % Palette.Count];
            var shown = series[s].Values.Select((v, c) => (v, x: c - (series.Count == 1 ? 0 : 0.25) + step * s)).Where(p => !double.IsNaN(p.v.Value)).ToList();
            var points = plot.Add.ScatterPoints(shown.Select(p => p.x).ToArray(), shown.Select(p => p.v.Value).ToArray(), color);
            points.MarkerSize = 9;
            points.LegendText = series[s].Name;
            var estimated = shown.Where(p => !p.v.Exact && !double.IsNaN(p.v.Lower)).ToList();
            if (estimated.Count == 0) continue;
            var whiskers = plot.Add.ErrorBar(estimated.Select(p => p.x).ToList(), estimated.Select(p => p.v.Value).ToList(),
                estimated.Select(p => p.v.Upper - p.v.Value).ToList());
            whiskers.YErrorNegative = estimated.Select(p => p.v.Value - p.v.Lower).ToList();
            whiskers.Color = color;
            whiskers.LineWidth = 2;
        }
        var zero = plot.Add.HorizontalLine(0, 1, Colors.Gray);
        zero.LinePattern = LinePattern.Dotted;
        CategoryAxis(plot.Axes.Bottom, categories);
        if (categories.Sum(c => c.Length) > 90)
        {
            // Long names side by side would run into one another: slanted, they each get their own room.
            plot.Axes.Bottom.TickLabelStyle.Rotation = -30;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
            plot.Axes.Bottom.MinimumSize = 20 + 6.5f * categories.Max(c => Shortened(c).Length) / 2;
        }
        plot.Axes.SetLimitsX(-0.6, categories.Count - 0.4);
        plot.ShowLegend();
        return plot;
    }

    /// <summary>
    /// Marks a month on a chart over time (at its X position, or its Y position where months run up the chart): a
    /// dashed line, for the month where compared regimes first differ.
    /// </summary>
    public static void MarkMonth(Plot plot, double position, bool vertical)
    {
        // The caption names the month: a label on the line would cover the data or the axis at the chart's edges.
        var color = Color.FromHex("#555555");
        if (vertical) plot.Add.VerticalLine(position, 1.5f, color, LinePattern.Dashed);
        else plot.Add.HorizontalLine(position, 1.5f, color, LinePattern.Dashed);
    }

    /// <summary>Labels integer positions on an axis with names (scenarios, sweep values that are not numbers).</summary>
    public static void CategoryAxis(ScottPlot.IAxis axis, IReadOnlyList<string> names)
    {
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (var i = 0; i < names.Count; i++) ticks.AddMajor(i, Shortened(names[i]));
        axis.TickGenerator = ticks;
    }

    /// <summary>The longest tick label drawn: a scenario name's limit. The tables beside a chart give every name whole.</summary>
    public const int MaxLabel = 100;

    /// <summary>
    /// A name as a tick label: cut at <see cref="MaxLabel"/> characters with an ellipsis. A label is measured and laid
    /// out as it is drawn, so a value of 100,000 characters (a sweep over a description) would cost a minute per chart.
    /// </summary>
    public static string Shortened(string name) => name.Length <= MaxLabel ? name : string.Concat(name.AsSpan(0, MaxLabel - 1), "\u2026");

    [GeneratedRegex(@"(id=""|url\(#)(cl_[0-9a-f]+)")]
    private static partial Regex ClipId();

    [GeneratedRegex(@"^<\?xml[^>]*\?>\s*")]
    private static partial Regex XmlDeclaration();

    /// <summary>Every family, weight and slant resolves to the shipped DejaVu Sans.</summary>
    private sealed class ShippedFont : IFontResolver
    {
        private static readonly byte[] Bytes = Load();

        private static byte[] Load()
        {
            using var stream = typeof(Charts).Assembly.GetManifestResourceStream("SupplyChainSim.Reports.Fonts.DejaVuSans.ttf")
                ?? throw new InvalidOperationException("the chart font is missing from SupplyChainSim.Reports");
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }

        public SKTypeface CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) => Create();

        public SKTypeface CreateTypeface(string fontName, bool bold, bool italic) => Create();

        private static SKTypeface Create() => SKTypeface.FromData(SKData.CreateCopy(Bytes));

        public static readonly SKTypeface Typeface = Create();
    }
}
