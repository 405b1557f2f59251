using System.Globalization;
using ScottPlot;
using SupplyChainSim.Model.Calibration;

namespace SupplyChainSim.Reports;

/// <summary>
/// The model against the record: for each published figure a run covers, the published range as a band and the
/// model's 5th to 95th percentiles with its median, all as ratios to the published central figure on a log scale, so
/// that chips, dollars and growth rates share one axis and "twice too many" looks as far off as "half as many".
/// </summary>
public static class CalibrationChart
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Ratios drawn below this or above its inverse are clipped to it (a model at zero is drawn at the edge).</summary>
    private const double Floor = 0.01;

    public static void Add(HtmlPage page, IReadOnlyList<CalibrationRow> rows)
    {
        if (rows.Count == 0) return;
        var replications = rows.Max(r => r.Replications);
        page.Paragraph(replications == 1
            ? "Published figures beside what this run gives. With one run the model's range is a single value: run with --replications for its spread."
            : $"Published figures beside what {replications:N0} replications give: the median and the 5th to 95th percentiles.");
        page.Chart(Charts.Svg(Plot(rows), 1000, 140 + 40 * rows.Count),
            "Each row is one published figure (calibration.csv). Grey: the published range; black tick: its central figure; blue: the model's 5th to 95th percentiles; dot: the model's median. Ratios to the central figure, log scale.");
        page.Table(["target", "period", "published (low, central, high)", "model median", "model 5% to 95%", "× central", "in range", "source"],
            rows.Select(r => (IReadOnlyList<string>)
            [
                r.Target.Id, r.Target.From == r.Target.Until ? r.Target.From.ToString() : $"{r.Target.From} to {r.Target.Until}",
                $"{Figure(r.Target.Low)}, {Figure(r.Target.Central)}, {Figure(r.Target.High)}",
                Figure(r.Median), $"{Figure(r.P5)} to {Figure(r.P95)}",
                double.IsFinite(r.RatioToCentral) ? r.RatioToCentral.ToString("0.00", Invariant) : "",
                r.Inside ? "yes" : "no", r.Target.Source,
            ]));
    }

    public static Plot Plot(IReadOnlyList<CalibrationRow> rows)
    {
        var plot = new Plot();
        plot.Title("The model against published figures");
        plot.XLabel("ratio to the published central figure (log scale)");
        static double X(double value, double central) => Math.Log10(Math.Clamp(value / central, Floor, 1 / Floor));
        var blue = Charts.Palette[0];
        var grey = Color.FromHex("#BBBBBB");
        for (var i = 0; i < rows.Count; i++)
        {
            var (target, y) = (rows[i].Target, (double)(rows.Count - 1 - i));
            var band = plot.Add.Rectangle(X(target.Low, target.Central), X(target.High, target.Central), y - 0.3, y + 0.3);
            band.FillColor = grey.WithAlpha(0.6);
            band.LineWidth = 0;
            var central = plot.Add.Line(0, y - 0.3, 0, y + 0.3);
            central.Color = Colors.Black;
            central.LineWidth = 2;
            var spread = plot.Add.Line(X(rows[i].P5, target.Central), y, X(rows[i].P95, target.Central), y);
            spread.Color = blue;
            spread.LineWidth = 4;
            var median = plot.Add.Marker(X(rows[i].Median, target.Central), y, MarkerShape.FilledCircle, 10, blue);
            median.LegendText = "";
        }
        var yTicks = new ScottPlot.TickGenerators.NumericManual();
        for (var i = 0; i < rows.Count; i++) yTicks.AddMajor(rows.Count - 1 - i, rows[i].Target.Id);
        plot.Axes.Left.TickGenerator = yTicks;
        // At least a tenth to ten times the central figure, wider where a range or the model reaches further.
        var ratios = rows.SelectMany(r => new[] { r.Target.Low, r.Target.High, r.P5, r.P95 }.Select(v => X(v, r.Target.Central))).ToList();
        var (left, right) = (Math.Min(-1, ratios.Min()) - 0.1, Math.Max(1, ratios.Max()) + 0.1);
        var xTicks = new ScottPlot.TickGenerators.NumericManual();
        foreach (var ratio in new[] { 0.01, 0.03, 0.1, 0.25, 0.5, 1, 2, 4, 10, 30, 100 })
            if (Math.Log10(ratio) is var at && at >= left && at <= right) xTicks.AddMajor(at, $"×{ratio.ToString(Invariant)}");
        plot.Axes.Bottom.TickGenerator = xTicks;
        plot.Axes.SetLimits(left, right, -0.7, rows.Count - 0.3);
        return plot;
    }

    /// <summary>A figure at a glance: 140k, 17.1bn, 2.8, 0.26.</summary>
    public static string Figure(double value) => Math.Abs(value) switch
    {
        >= 1e9 => (value / 1e9).ToString("0.##", Invariant) + "bn",
        >= 1e6 => (value / 1e6).ToString("0.##", Invariant) + "M",
        >= 1e4 => (value / 1e3).ToString("0.#", Invariant) + "k",
        >= 100 => value.ToString("0", Invariant),
        _ => value.ToString("0.###", Invariant),
    };
}
