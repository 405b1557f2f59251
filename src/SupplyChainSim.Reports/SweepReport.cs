using System.Globalization;
using ScottPlot;
using SupplyChainSim.Model.Output;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Reports;

/// <summary>
/// sweep.csv and sweep.html: one parameter of a scenario varied over a list of values, each value run on the same
/// seeds: breach probability against the parameter with its 95% band, and the other outcomes beside it. A parameter
/// in TPP (its key ends in "Tpp") is also shown in H100e, the unit thresholds are discussed in.
/// </summary>
public static class SweepReport
{
    public const string CsvName = "sweep.csv";
    public const string HtmlName = "sweep.html";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>One row per value, in the order given; <see cref="RegimeOutcome.Label"/> is the value as JSON text.</summary>
    public static byte[] Csv(string parameter, IReadOnlyList<RegimeOutcome> rows)
    {
        var kinds = RegimeOutcome.KindColumns(rows);
        return ResultFiles.Csv(
            ["parameter", "value", "scenario", "seed", .. RegimeOutcome.Columns, .. RegimeOutcome.KindColumnNames(kinds)],
            rows.Select(row => (IReadOnlyList<object>)[parameter, row.Label, row.Run.Scenario, row.Run.Seed, .. row.Values(kinds)]));
    }

    /// <param name="planned">How many values were asked for: fewer rows means the sweep was stopped.</param>
    public static byte[] Html(string scenarioFile, string parameter, IReadOnlyList<RegimeOutcome> rows, int planned)
    {
        var page = new HtmlPage($"Sweep of {parameter}: SupplyChainSim");
        page.Heading(1, $"Sweep of {parameter}");
        if (rows.Count < planned)
            page.Note($"Partial: stopped after {rows.Count} of {planned} values; the values shown are complete, the others were not run to the end.");
        if (rows.Count == 0) return page.Render();
        var first = rows[0];
        page.Paragraph($"{first.Run.Scenario} ({scenarioFile}): {first.Run.Description}")
            .Paragraph($"Each value ran with seed {first.Run.Seed} and {RunReport.Count(first.MonteCarlo.Replications)} replication" +
                $"{(first.MonteCarlo.Replications == 1 ? "" : "s")} on the same replication seeds, {first.Run.Start} to {first.Run.Start.AddMonths(first.Run.Months - 1)}.");

        var axis = Axis.Of(parameter, rows.Select(r => r.Label).ToList());
        var probability = Band("P(at least one breach)", "95% Wilson interval", axis,
            rows.Select(r => (r.MonteCarlo.BreachProbability, r.MonteCarlo.BreachProbabilityLower95, r.MonteCarlo.BreachProbabilityUpper95)).ToList());
        probability.YLabel("probability");
        probability.Axes.SetLimitsY(-0.02, 1.05);
        page.Chart(Charts.Svg(probability, 1000, 420), $"Breach probability against {axis.Title}; band: the 95% Wilson score interval.");

        var breached = rows.Select(r => r.MonteCarlo.FirstBreachMedian is { } median
            ? ((double)median.Index, (double)r.MonteCarlo.FirstBreachP5!.Value.Index, (double)r.MonteCarlo.FirstBreachP95!.Value.Index)
            : (double.NaN, double.NaN, double.NaN)).ToList();
        if (breached.Any(b => !double.IsNaN(b.Item1)))
        {
            var plot = Band("First breach month", "5th to 95th percentile", axis, breached);
            var months = breached.Where(b => !double.IsNaN(b.Item1)).SelectMany(b => new[] { b.Item2, b.Item3 }).ToList();
            var ticks = new ScottPlot.TickGenerators.NumericManual();
            var (low, high) = ((int)months.Min(), (int)months.Max());
            for (var i = low; i <= high; i += Math.Max(1, (high - low) / 10)) ticks.AddMajor(i, new YearMonth(i).ToString());
            plot.Axes.Left.TickGenerator = ticks;
            plot.Axes.SetLimitsY(low - 1, high + 1);
            page.Chart(Charts.Svg(plot, 1000, 380), "Median first breach month over the replications with a breach; band: 5th to 95th percentile.");
        }
        else page.Paragraph("No value gave a breach in any replication.");

        page.Chart(Charts.Svg(Lines("H100e beyond the rules", axis,
            [
                ("largest unauthorised cluster (median)", rows.Select(r => r.MonteCarlo.LargestUnauthorisedClusterMedian).ToList()),
                ("smuggled (mean)", rows.Select(r => r.MonteCarlo.SmuggledH100eMean).ToList()),
            ]), 1000, 380), "The largest cluster over its permitted size (median over replications) and H100e smuggled (mean).");
        page.Chart(Charts.Svg(Lines("Lawful H100e by destination tier (mean)", axis,
            [
                .. TierExports.Tiers.Select(t => ($"licensed, Tier {t}", (IReadOnlyList<double>)rows.Select(r => r.LicensedMean(t)).ToList())),
                .. TierExports.Tiers.Select(t => ($"exempt, Tier {t}", (IReadOnlyList<double>)rows.Select(r => r.ExemptMean(t)).ToList())),
            ]), 1000, 380), "Chips delivered under a licence, and without one (notified or exempt), by the destination's AI Diffusion Rule tier.");

        var kinds = RegimeOutcome.KindColumns(rows);
        page.Heading(2, "Breaches by kind");
        page.Table([parameter, .. kinds.Select(k => k.Threshold is { } t ? $"{k.Kind} >= {ResultFiles.Number(t)} H100e" : $"{k.Kind}, any")],
            rows.Select(r => (IReadOnlyList<string>)
            [
                r.Label, .. kinds.Select(k => r.Estimate(k.Kind, k.Threshold) is { } e
                    ? $"{RunReport.Probability(e.Probability)} ({RunReport.Probability(e.Lower95)} to {RunReport.Probability(e.Upper95)})" : "not asked"),
            ]));

        page.Heading(2, "Values");
        page.Table([parameter, .. axis.InH100e ? ["H100e"] : Array.Empty<string>(), "P(breach)", "95% interval", "first breach (median)",
                "largest unauthorised H100e (median)", "smuggled H100e (mean)", .. TierExports.Tiers.Select(t => $"licensed Tier {t}"),
                .. TierExports.Tiers.Select(t => $"exempt Tier {t}")],
            rows.Select((r, i) => (IReadOnlyList<string>)
            [
                r.Label, .. axis.InH100e ? [RunReport.H100e(axis.Positions[i])] : Array.Empty<string>(),
                RunReport.Probability(r.MonteCarlo.BreachProbability),
                $"{RunReport.Probability(r.MonteCarlo.BreachProbabilityLower95)} to {RunReport.Probability(r.MonteCarlo.BreachProbabilityUpper95)}",
                r.MonteCarlo.FirstBreachMedian?.ToString() ?? "none", RunReport.H100e(r.MonteCarlo.LargestUnauthorisedClusterMedian),
                RunReport.H100e(r.MonteCarlo.SmuggledH100eMean), .. r.LicensedMeans.Select(RunReport.H100e), .. r.ExemptMeans.Select(RunReport.H100e),
            ]));
        return page.Render();
    }

    /// <summary>
    /// Where the values sit on the X axis: at their numbers when every value is a number (in H100e for a TPP
    /// parameter), or else one after another, labelled.
    /// </summary>
    private sealed record Axis(string Title, IReadOnlyList<double> Positions, IReadOnlyList<string>? Categories, bool InH100e)
    {
        public static Axis Of(string parameter, IReadOnlyList<string> values)
        {
            var key = parameter[(parameter.LastIndexOfAny(['.', ']']) + 1)..];
            var numbers = values.Select(v => double.TryParse(v, NumberStyles.Float, Invariant, out var x) ? x : (double?)null).ToList();
            if (numbers.Any(n => n is null)) return new Axis(key, values.Select((_, i) => (double)i).ToList(), values, false);
            if (key.EndsWith("Tpp", StringComparison.Ordinal))
                return new Axis($"{key} in H100e (TPP / 15,831.2)", numbers.Select(n => Tpp.FromTpp(n!.Value).H100e).ToList(), null, true);
            return new Axis(key, numbers.Select(n => n!.Value).ToList(), null, false);
        }

        public void Apply(Plot plot)
        {
            plot.XLabel(Title);
            if (Categories is not null)
            {
                Charts.CategoryAxis(plot.Axes.Bottom, Categories);
                plot.Axes.SetLimitsX(-0.5, Categories.Count - 0.5);
            }
        }
    }

    private static Plot Band(string title, string interval, Axis axis, IReadOnlyList<(double Value, double Lower, double Upper)> values)
    {
        var plot = new Plot();
        plot.Title(title);
        var shown = values.Select((v, i) => (v, x: axis.Positions[i])).Where(p => !double.IsNaN(p.v.Value)).OrderBy(p => p.x).ToList();
        var xs = shown.Select(p => p.x).ToArray();
        if (axis.Categories is null && shown.Count > 1)
        {
            var band = plot.Add.FillY(xs, shown.Select(p => p.v.Lower).ToArray(), shown.Select(p => p.v.Upper).ToArray());
            band.FillColor = Charts.Palette[0].WithAlpha(0.2);
            band.LineWidth = 0;
            band.LegendText = interval;
        }
        else
        {
            var whiskers = plot.Add.ErrorBar(xs, shown.Select(p => p.v.Value).ToArray(), shown.Select(p => p.v.Upper - p.v.Value).ToArray());
            whiskers.YErrorNegative = shown.Select(p => p.v.Value - p.v.Lower).ToList();
            whiskers.Color = Charts.Palette[0];
        }
        var line = plot.Add.Scatter(xs, shown.Select(p => p.v.Value).ToArray(), Charts.Palette[0]);
        line.LineWidth = axis.Categories is null ? 2 : 0;
        line.MarkerSize = 8;
        axis.Apply(plot);
        return plot;
    }

    private static Plot Lines(string title, Axis axis, IReadOnlyList<(string Name, IReadOnlyList<double> Values)> series)
    {
        var plot = new Plot();
        plot.Title(title);
        plot.YLabel("H100e");
        var order = Enumerable.Range(0, axis.Positions.Count).OrderBy(i => axis.Positions[i]).ToList();
        for (var s = 0; s < series.Count; s++)
        {
            var line = plot.Add.Scatter(order.Select(i => axis.Positions[i]).ToArray(), order.Select(i => series[s].Values[i]).ToArray(), Charts.Palette[s % Charts.Palette.Count]);
            line.LegendText = series[s].Name;
            line.LineWidth = axis.Categories is null ? 2 : 0;
            line.MarkerSize = 8;
        }
        axis.Apply(plot);
        plot.ShowLegend(Edge.Right);
        return plot;
    }
}
