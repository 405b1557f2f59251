using ScottPlot;
using SupplyChainSim.Model.Breaches;
using SupplyChainSim.Model.Units;
using SupplyChainSim.Output;

namespace SupplyChainSim.Reports;

/// <summary>
/// sweep.csv and sweep.html: parameters of a scenario varied over lists of values (several make a full grid), each
/// point run on the same seeds. The page names each parameter in words, shows values in the unit drawn (a TPP setting
/// in H100e), marks the scenario's own value, and draws each point with its interval: nothing is drawn between the
/// values that were run. With two or more parameters, the first runs along the X axis and each combination of the
/// others is a series.
/// </summary>
public static class SweepReport
{
    public const string CsvName = "sweep.csv";
    public const string HtmlName = "sweep.html";

    /// <summary>Every combination of the parameters' values, the first parameter's changing slowest: indexes into each one's values.</summary>
    public static IReadOnlyList<IReadOnlyList<int>> Grid(IReadOnlyList<int> counts)
    {
        var grid = new List<IReadOnlyList<int>> { Array.Empty<int>() };
        foreach (var count in counts)
            grid = grid.SelectMany(point => Enumerable.Range(0, count).Select(v => (IReadOnlyList<int>)[.. point, v])).ToList();
        return grid;
    }

    /// <summary>One row per point, in the order run; a column per parameter (named by its path as given) with its value as JSON text.</summary>
    public static byte[] Csv(IReadOnlyList<SweepParameter> parameters, IReadOnlyList<SweepPoint> points)
    {
        var rows = points.Select(p => p.Outcome).ToList();
        var kinds = RegimeOutcome.KindColumns(rows);
        return ResultFiles.Csv(
            [.. parameters.Select(p => p.Path), "scenario", "seed", .. RegimeOutcome.Columns, .. RegimeOutcome.KindColumnNames(kinds)],
            points.Select(point => (IReadOnlyList<object>)
            [
                .. parameters.Select((p, i) => (object)p.Values[point.Values[i]]), point.Outcome.Run.Scenario, point.Outcome.Run.Seed, .. point.Outcome.Values(kinds),
            ]));
    }

    /// <param name="planned">How many points were asked for: fewer means the sweep was stopped.</param>
    public static byte[] Html(string scenarioFile, IReadOnlyList<SweepParameter> parameters, IReadOnlyList<SweepPoint> points, int planned)
    {
        var x = parameters[0];
        var heading = $"Sweep of {x.Title}" + string.Concat(parameters.Skip(1).Select(p => $" by {p.Title}"));
        var page = new HtmlPage($"{heading}: SupplyChainSim");
        page.Heading(1, heading);
        if (points.Count < planned)
            page.Note($"Partial: stopped after {points.Count} of {planned} {(parameters.Count == 1 ? "values" : "points of the grid")}; " +
                "the ones shown are complete, the others were not run to the end.");
        if (points.Count == 0) return page.Render();
        var sweep = new Sweep(parameters, points, Series(parameters, points), Comparability.FirstDifference(points.Select(p => p.Outcome.Run).ToList()),
            x.Numeric && x.Policy is not null ? $" Dashed: the scenario's own value, {x.PolicyShown}." : "");
        Introduction(page, scenarioFile, sweep);
        BreachProbability(page, sweep);
        FirstBreachMonth(page, sweep);
        Excess(page, sweep);
        SmuggledAndSeized(page, sweep);
        LawfulExports(page, sweep);
        BreachesByKind(page, sweep);
        Values(page, sweep);
        return page.Render();
    }

    /// <summary>
    /// What every section of the page draws from: the parameters and points, the points as series, the first month
    /// the rules in force differ between them, and the note on the dashed line of the scenario's own value.
    /// </summary>
    private sealed record Sweep(
        IReadOnlyList<SweepParameter> Parameters, IReadOnlyList<SweepPoint> Points, IReadOnlyList<SweepSeries> Series, YearMonth? Divergence, string PolicyNote)
    {
        /// <summary>The parameter along the X axis.</summary>
        public SweepParameter X => Parameters[0];

        public bool OneParameter => Parameters.Count == 1;
    }

    /// <summary>The scenario, how the points ran, the parameters and the points whose replications were all alike.</summary>
    private static void Introduction(HtmlPage page, string scenarioFile, Sweep sweep)
    {
        var first = sweep.Points[0].Outcome;
        page.Paragraph($"{first.Run.Scenario} ({scenarioFile}): {first.Run.Description}")
            .Paragraph($"Each {(sweep.OneParameter ? "value" : "point of the grid (every combination of the values)")} ran with seed {first.Run.Seed} and " +
                $"{RunReport.Count(first.MonteCarlo.Replications)} replication{(first.MonteCarlo.Replications == 1 ? "" : "s")} on the same replication seeds, " +
                $"{first.Run.Start} to {first.Run.Start.AddMonths(first.Run.Months - 1)}. Points are drawn with their intervals; nothing is drawn between values that were not run.");
        page.Table(["parameter", "set as", "drawn in", "values", "the scenario's own value"], sweep.Parameters.Select(p => (IReadOnlyList<string>)
        [
            p.Title, p.Path, p.Unit.Length == 0 ? "as given" : p.Unit, string.Join(", ", p.Values.Select((_, i) => p.Show(i))), p.PolicyShown,
        ]));
        var deterministic = sweep.Points.Where(p => p.Outcome.MonteCarlo.Deterministic).ToList();
        if (deterministic.Count > 0)
            page.Note($"Deterministic (all replications gave identical outcomes, so no interval is drawn): {string.Join("; ", deterministic.Select(p => Describe(sweep.Parameters, p)))}.");
    }

    private static void BreachProbability(HtmlPage page, Sweep sweep)
    {
        page.Heading(2, "Breach probability");
        var probability = Points("P(at least one breach)", "probability", sweep.X, sweep.Series, p =>
            (p.MonteCarlo.BreachProbability, p.MonteCarlo.BreachProbabilityLower95, p.MonteCarlo.BreachProbabilityUpper95, p.MonteCarlo.Deterministic), labelExact: true);
        probability.Axes.SetLimitsY(-0.05, 1.1);
        page.Chart(Charts.Svg(probability, 1000, 420),
            $"Breach probability against {sweep.X.Title}; whiskers: the 95% Wilson score interval (none where the replications were all alike).{sweep.PolicyNote}");
    }

    /// <summary>The median first breach month of each point, on an axis of months that reaches the month the rules first differ.</summary>
    private static void FirstBreachMonth(HtmlPage page, Sweep sweep)
    {
        var withBreach = sweep.Points.Where(p => p.Outcome.MonteCarlo.FirstBreachMedian is not null).ToList();
        if (withBreach.Count == 0)
        {
            page.Paragraph("No value gave a breach in any replication.");
            return;
        }
        var plot = Points("First breach month", "", sweep.X, sweep.Series, p => p.MonteCarlo.FirstBreachMedian is { } median
            ? (median.Index, p.MonteCarlo.FirstBreachP5!.Value.Index, p.MonteCarlo.FirstBreachP95!.Value.Index, p.MonteCarlo.Deterministic)
            : (double.NaN, double.NaN, double.NaN, false), labelExact: false);
        var months = withBreach.SelectMany(p => new[] { p.Outcome.MonteCarlo.FirstBreachP5!.Value.Index, p.Outcome.MonteCarlo.FirstBreachP95!.Value.Index }).ToList();
        var (low, high) = (months.Min(), months.Max());
        if (sweep.Divergence is { } at) (low, high) = (Math.Min(low, at.Index), Math.Max(high, at.Index));
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (var i = low; i <= high; i += Math.Max(1, (high - low) / 10)) ticks.AddMajor(i, new YearMonth(i).ToString());
        plot.Axes.Left.TickGenerator = ticks;
        plot.Axes.SetLimitsY(low - 1, high + 1);
        if (sweep.Divergence is { } month) Charts.MarkMonth(plot, month.Index - 0.5, vertical: false);
        page.Chart(Charts.Svg(plot, 1000, 380), "Median first breach month over the replications with a breach; whiskers: 5th to 95th percentile." +
            (sweep.Divergence is { } d ? $" Dashed across: {d}, the first month the rules in force differ between the values." : "") + sweep.PolicyNote);
    }

    private static void Excess(HtmlPage page, Sweep sweep)
    {
        page.Heading(2, "Beyond the rules: the excess");
        var kinds = BreachKind.All.Where(kind => sweep.Points.Any(p => p.Outcome.KindExcess(kind).P95 > 0)).ToList();
        if (kinds.Count == 0)
        {
            page.Paragraph("No cluster went beyond the rules at any value.");
            return;
        }
        // One series: a point per kind; a grid: the largest excess of any kind, a point per series.
        var excess = sweep.OneParameter
            ? Points("Largest excess beyond the rules, by kind", "H100e beyond the rules", sweep.X,
                kinds.Select(kind => ($"{kind} (median)", sweep.Series[0].Points)).ToList(),
                (p, s) => p.KindExcess(kinds[s]) is var e ? (e.Median, e.Median, e.P95, false) : default, labelExact: false)
            : Points("Largest excess beyond the rules (any kind)", "H100e beyond the rules", sweep.X, sweep.Series, p =>
                (p.MonteCarlo.LargestUnauthorisedClusterMedian, p.MonteCarlo.LargestUnauthorisedClusterMedian, p.MonteCarlo.LargestUnauthorisedClusterP95, false), labelExact: false);
        page.Chart(Charts.Svg(excess, 1000, 400), "What the largest cluster held beyond what the rules permit its owner (not the whole cluster): " +
            $"the median over replications; whiskers up to the 95th percentile.{sweep.PolicyNote}");
    }

    private static void SmuggledAndSeized(HtmlPage page, Sweep sweep)
    {
        page.Heading(2, "Smuggled and seized");
        var smuggled = sweep.OneParameter
            ? Points("Smuggled and seized H100e (mean)", "H100e", sweep.X,
                [("smuggled: delivered through intermediaries", sweep.Series[0].Points), ("seized from intermediaries' lots", sweep.Series[0].Points)],
                (p, s) => (s == 0 ? p.MonteCarlo.SmuggledH100eMean : p.SeizedMean, double.NaN, double.NaN, true), labelExact: false)
            : Points("Smuggled H100e (mean)", "H100e", sweep.X, sweep.Series, p => (p.MonteCarlo.SmuggledH100eMean, double.NaN, double.NaN, true), labelExact: false);
        page.Chart(Charts.Svg(smuggled, 1000, 360), $"On their own scale: small next to lawful exports, and drawn here so that they can be seen.{sweep.PolicyNote}");
    }

    private static void LawfulExports(HtmlPage page, Sweep sweep)
    {
        page.Heading(2, "Lawful exports");
        var lawful = sweep.OneParameter
            ? Points("Lawful H100e by destination tier (mean)", "H100e", sweep.X,
                [
                    .. TierExports.Tiers.Select(t => ($"licensed, Tier {t}", sweep.Series[0].Points)),
                    .. TierExports.Tiers.Select(t => ($"exempt, Tier {t}", sweep.Series[0].Points)),
                ],
                (p, s) => (s < 3 ? p.LicensedMean(s + 1) : p.ExemptMean(s - 2), double.NaN, double.NaN, true), labelExact: false)
            : Points("Lawful H100e, licensed and exempt (mean)", "H100e", sweep.X, sweep.Series,
                p => (p.LicensedMeans.Sum() + p.ExemptMeans.Sum(), double.NaN, double.NaN, true), labelExact: false);
        page.Chart(Charts.Svg(lawful, 1000, 380), "Chips delivered under a licence, and without one (notified or exempt), by the destination's AI Diffusion Rule tier." + sweep.PolicyNote);
    }

    /// <summary>Each point's probability of each breach kind and threshold, with its interval.</summary>
    private static void BreachesByKind(HtmlPage page, Sweep sweep)
    {
        var kindColumns = RegimeOutcome.KindColumns(sweep.Points.Select(p => p.Outcome).ToList());
        page.Heading(2, "Breaches by kind");
        page.Table([.. sweep.Parameters.Select(p => p.Title), .. kindColumns.Select(k => k.Threshold is { } t ? $"{k.Kind} >= {BreachThresholds.Number(t)} H100e" : $"{k.Kind}, any")],
            sweep.Points.Select(point => (IReadOnlyList<string>)
            [
                .. sweep.Parameters.Select((p, i) => Shown(p, point.Values[i])),
                .. kindColumns.Select(k => point.Outcome.Estimate(k.Kind, k.Threshold) is { } e
                    ? point.Outcome.MonteCarlo.Deterministic ? $"{RunReport.Probability(e.Probability)} (deterministic)"
                    : $"{RunReport.Probability(e.Probability)} ({RunReport.Probability(e.Lower95)} to {RunReport.Probability(e.Upper95)})" : "not asked"),
            ]));
    }

    /// <summary>Every point's figures, as the charts draw them.</summary>
    private static void Values(HtmlPage page, Sweep sweep)
    {
        page.Heading(2, "Values");
        page.Table([.. sweep.Parameters.Select(p => p.Title), "P(breach)", "95% interval", "first breach (median)", "largest excess H100e (median)",
                "smuggled H100e (mean)", "seized H100e (mean)", .. TierExports.Tiers.Select(t => $"licensed Tier {t}"), .. TierExports.Tiers.Select(t => $"exempt Tier {t}")],
            sweep.Points.Select(point =>
            {
                var mc = point.Outcome.MonteCarlo;
                return (IReadOnlyList<string>)
                [
                    .. sweep.Parameters.Select((p, i) => Shown(p, point.Values[i])),
                    RunReport.Probability(mc.BreachProbability),
                    mc.Deterministic ? "deterministic" : $"{RunReport.Probability(mc.BreachProbabilityLower95)} to {RunReport.Probability(mc.BreachProbabilityUpper95)}",
                    mc.FirstBreachMedian?.ToString() ?? "none", H100eDisplay.H100eText(mc.LargestUnauthorisedClusterMedian), H100eDisplay.H100eText(mc.SmuggledH100eMean),
                    H100eDisplay.H100eText(point.Outcome.SeizedMean), .. point.Outcome.LicensedMeans.Select(H100eDisplay.H100eText), .. point.Outcome.ExemptMeans.Select(H100eDisplay.H100eText),
                ];
            }));
    }

    /// <summary>A value as a table shows it: in the unit drawn, marked when it is the scenario's own.</summary>
    private static string Shown(SweepParameter parameter, int index) => parameter.Show(index) + (parameter.IsPolicy(index) ? " (policy)" : "");

    private static string Describe(IReadOnlyList<SweepParameter> parameters, SweepPoint point) =>
        string.Join(", ", parameters.Select((p, i) => $"{p.Title} {p.Show(point.Values[i])}"));

    /// <summary>A series: the points that share every parameter's value but the first's, named by those values.</summary>
    private sealed record SweepSeries(string Name, IReadOnlyList<SweepPoint> Points);

    private static List<SweepSeries> Series(IReadOnlyList<SweepParameter> parameters, IReadOnlyList<SweepPoint> points)
    {
        if (parameters.Count == 1) return [new SweepSeries("", points)];
        return points.GroupBy(p => string.Join(",", p.Values.Skip(1))).Select(g =>
        {
            var sample = g.First();
            var name = string.Join(", ", parameters.Skip(1).Select((p, i) => $"{p.Title} = {Shown(p, sample.Values[i + 1])}"));
            return new SweepSeries(name, g.ToList());
        }).ToList();
    }

    private static Plot Points(string title, string yLabel, SweepParameter x, IReadOnlyList<SweepSeries> series,
        Func<RegimeOutcome, (double Value, double Lower, double Upper, bool Exact)> value, bool labelExact) =>
        Points(title, yLabel, x, series.Select(s => (s.Name, s.Points)).ToList(), (outcome, _) => value(outcome), labelExact);

    /// <summary>
    /// Points with whiskers against the first parameter: at its values in the unit drawn, or one after another when
    /// they are not all numbers; several series set a little apart so that their whiskers stay visible. The policy
    /// value is a dashed line (or a category marked "(policy)").
    /// </summary>
    /// <param name="value">The value, its interval and whether it is exact (no whisker), for a point of series s.</param>
    private static Plot Points(string title, string yLabel, SweepParameter x, IReadOnlyList<(string Name, IReadOnlyList<SweepPoint> Points)> series,
        Func<RegimeOutcome, int, (double Value, double Lower, double Upper, bool Exact)> value, bool labelExact)
    {
        var plot = new Plot();
        plot.Title(title);
        plot.YLabel(yLabel);
        plot.XLabel(x.AxisTitle);
        double Position(int index) => x.Numeric ? x.Drawn[index]!.Value : index;
        var positions = x.Values.Select((_, i) => Position(i)).ToList();
        var range = positions.Count > 1 ? positions.Max() - positions.Min() : 1;
        var spread = x.Numeric ? 0.012 * (range == 0 ? 1 : range) : 0.12;
        for (var s = 0; s < series.Count; s++)
        {
            var offset = (s - (series.Count - 1) / 2.0) * spread;
            var shown = series[s].Points.Select(p => (X: Position(p.Values[0]) + offset, V: value(p.Outcome, s))).Where(p => !double.IsNaN(p.V.Value)).ToList();
            // With several series the labels would sit on one another: the note above the charts names those points.
            AddSeries(plot, s, series[s].Name, shown, labelExact && series.Count == 1 && shown.Count(p => p.V.Exact) <= 12);
        }
        XAxis(plot, x, positions);
        if (series.Count > 1 || series.Any(s => s.Name.Length > 0)) plot.ShowLegend();
        return plot;
    }

    private static readonly MarkerShape[] Shapes = [MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond, MarkerShape.OpenCircle];

    /// <summary>Series s: its points, whiskers on those that are estimates, and (if asked) a label on those that are exact.</summary>
    private static void AddSeries(Plot plot, int s, string name, IReadOnlyList<(double X, (double Value, double Lower, double Upper, bool Exact) V)> shown, bool labelExact)
    {
        var color = Charts.Palette[s % Charts.Palette.Count];
        var dots = plot.Add.ScatterPoints(shown.Select(p => p.X).ToArray(), shown.Select(p => p.V.Value).ToArray(), color);
        dots.MarkerSize = 9;
        dots.MarkerShape = Shapes[s % Shapes.Length];
        if (name.Length > 0) dots.LegendText = name;
        var estimated = shown.Where(p => !p.V.Exact && !double.IsNaN(p.V.Lower)).ToList();
        if (estimated.Count > 0)
        {
            var whiskers = plot.Add.ErrorBar(estimated.Select(p => p.X).ToList(), estimated.Select(p => p.V.Value).ToList(),
                estimated.Select(p => p.V.Upper - p.V.Value).ToList());
            whiskers.YErrorNegative = estimated.Select(p => p.V.Value - p.V.Lower).ToList();
            whiskers.Color = color;
            whiskers.LineWidth = 2;
        }
        if (!labelExact) return;
        foreach (var p in shown.Where(p => p.V.Exact))
        {
            var label = plot.Add.Text("deterministic", p.X, p.V.Value);
            label.LabelAlignment = Alignment.LowerCenter;
            label.LabelFontSize = 11;
            label.LabelOffsetY = -7;
            label.LabelFontColor = color;
        }
    }

    /// <summary>The values run in the unit drawn, with the policy value dashed; or categories, the policy one marked.</summary>
    private static void XAxis(Plot plot, SweepParameter x, IReadOnlyList<double> positions)
    {
        if (x.Numeric)
        {
            if (x.Policy is { } policy) plot.Add.VerticalLine(policy, 1.5f, Colors.Gray, LinePattern.Dashed);
            var low = Math.Min(positions.Min(), x.Policy ?? positions.Min());
            var high = Math.Max(positions.Max(), x.Policy ?? positions.Max());
            var margin = (high - low) * 0.06 + (high == low ? 1 : 0);
            plot.Axes.SetLimitsX(low - margin, high + margin);
        }
        else
        {
            Charts.CategoryAxis(plot.Axes.Bottom, x.Values.Select((_, i) => Shown(x, i)).ToList());
            plot.Axes.SetLimitsX(-0.6, x.Values.Count - 0.4);
        }
    }
}
