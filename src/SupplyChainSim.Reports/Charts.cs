using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using ScottPlot;
using SkiaSharp;

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

    /// <summary>The plot as an SVG element, ready to inline in HTML.</summary>
    public static string Svg(Plot plot, int width, int height)
    {
        lock (Rendering)
        {
            UseShippedFont();
            plot.Font.Set(FontName);
            var svg = XmlDeclaration().Replace(plot.GetSvgXml(width, height), "").Trim();
            // Skia's SVG writer numbers clip paths from a process-wide counter: name them after the chart's content
            // instead, so that the bytes do not depend on what was drawn before and charts on a page do not share ids.
            var prefix = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ClipId().Replace(svg, "$1"))))[..10];
            var number = 0;
            var names = new Dictionary<string, string>(StringComparer.Ordinal);
            return ClipId().Replace(svg, m =>
            {
                if (!names.TryGetValue(m.Groups[2].Value, out var name)) names[m.Groups[2].Value] = name = $"clip-{prefix}-{number++}";
                return m.Groups[1].Value + name;
            });
        }
    }

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

    [GeneratedRegex(@"(id=""|url\(#)(cl_\d+)")]
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
    }
}
