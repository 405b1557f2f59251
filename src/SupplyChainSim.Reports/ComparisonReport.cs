using ScottPlot;
using SupplyChainSim.Model.Output;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Reports;

/// <summary>
/// compare.csv and compare.html: regimes side by side on the same seeds: breach probability with its interval, first
/// breach month, largest unauthorised cluster, smuggled H100e and licensed exports by destination tier.
/// </summary>
public static class ComparisonReport
{
    public const string CsvName = "compare.csv";
    public const string HtmlName = "compare.html";

    /// <summary>One row per regime compared, in the order given on the command line.</summary>
    /// <param name="files">The scenario file of each row, as given.</param>
    public static byte[] Csv(IReadOnlyList<RegimeOutcome> rows, IReadOnlyList<string> files)
    {
        var kinds = RegimeOutcome.KindColumns(rows);
        return ResultFiles.Csv(
            ["scenario", "file", "seed", "agents", .. RegimeOutcome.Columns, .. RegimeOutcome.KindColumnNames(kinds)],
            rows.Select((row, i) => (IReadOnlyList<object>)[row.Label, files[i], row.Run.Seed, row.Run.Agents, .. row.Values(kinds)]));
    }

    /// <param name="planned">How many regimes were asked for: fewer rows means the comparison was stopped.</param>
    public static byte[] Html(IReadOnlyList<RegimeOutcome> rows, IReadOnlyList<string> files, int planned)
    {
        var page = new HtmlPage("Regime comparison: SupplyChainSim");
        page.Heading(1, $"Regime comparison: {string.Join(" vs ", rows.Select(r => r.Label))}");
        if (rows.Count < planned)
            page.Note($"Partial: stopped after {rows.Count} of {planned} scenarios; the ones shown are complete, the others were not run to the end.");
        if (rows.Count == 0) return page.Render();
        var first = rows[0];
        page.Paragraph($"Every scenario ran with seed {first.Run.Seed} and {RunReport.Count(first.MonteCarlo.Replications)} replication" +
            $"{(first.MonteCarlo.Replications == 1 ? "" : "s")} on the same replication seeds; each builds its own world from its file " +
            "(the shipped scenarios share scenarios/world/world.json).");
        if (rows.Select(r => r.Run.Agents).Distinct().Count() > 1)
            page.Note("The scenarios' worlds differ in size (see agents below): differences come from the worlds as well as the regimes.");

        page.Table(["", .. rows.Select(r => r.Label)], Measures(rows, files));

        var names = rows.Select(r => r.Label).ToList();
        page.Heading(2, "Breach probability");
        page.Chart(Charts.Svg(WithInterval("P(at least one breach)", "probability", names,
                rows.Select(r => (r.MonteCarlo.BreachProbability, r.MonteCarlo.BreachProbabilityLower95, r.MonteCarlo.BreachProbabilityUpper95)).ToList(), bars: true), 1000, 380),
            "The share of replications with at least one breach; whiskers: the 95% Wilson score interval.");

        page.Heading(2, "First breach month");
        var breached = rows.Where(r => r.MonteCarlo.FirstBreachMedian is not null).ToList();
        if (breached.Count == 0) page.Paragraph("No scenario had a breach in any replication.");
        else
        {
            var origin = rows.Min(r => r.Run.Start);
            var plot = WithInterval("First breach month", "", names, rows.Select(r => r.MonteCarlo.FirstBreachMedian is { } median
                ? ((double)(median - origin), (double)(r.MonteCarlo.FirstBreachP5!.Value - origin), (double)(r.MonteCarlo.FirstBreachP95!.Value - origin))
                : (double.NaN, double.NaN, double.NaN)).ToList(), bars: false);
            var last = rows.Max(r => r.Run.Start.AddMonths(r.Run.Months - 1));
            var ticks = new ScottPlot.TickGenerators.NumericManual();
            var span = last - origin + 1;
            for (var i = 0; i < span; i += Math.Max(1, (int)Math.Ceiling(span / 12.0))) ticks.AddMajor(i, origin.AddMonths(i).ToString());
            plot.Axes.Left.TickGenerator = ticks;
            plot.Axes.SetLimitsY(-0.5, span - 0.5);
            page.Chart(Charts.Svg(plot, 1000, 380), "Median first breach month over the replications with a breach; whiskers: 5th to 95th percentile. " +
                "Scenarios without a breach have no point.");
        }

        page.Heading(2, "Unauthorised clusters and smuggling");
        page.Chart(Charts.Svg(Charts.GroupedBars("H100e beyond the rules", "H100e", names,
            [
                ("largest unauthorised cluster (median)", rows.Select(r => r.MonteCarlo.LargestUnauthorisedClusterMedian).ToList()),
                ("largest unauthorised cluster (95th percentile)", rows.Select(r => r.MonteCarlo.LargestUnauthorisedClusterP95).ToList()),
                ("smuggled (mean)", rows.Select(r => r.MonteCarlo.SmuggledH100eMean).ToList()),
            ]), 1000, 400),
            "The largest cluster over its permitted size in a run (median and 95th percentile over replications), and H100e smuggled through intermediaries (mean).");

        page.Heading(2, "Exports by destination tier");
        page.Chart(Charts.Svg(Charts.GroupedBars("Licensed H100e by destination tier (mean over replications)", "H100e", names,
                TierExports.Tiers.Select(t => ($"Tier {t}", (IReadOnlyList<double>)rows.Select(r => r.LicensedMean(t)).ToList())).ToList()), 1000, 400),
            "Chips delivered under a licence, by the AI Diffusion Rule tier of the destination country (1 unrestricted, 2 capped, 3 D:5 and Macau).");
        page.Chart(Charts.Svg(Charts.GroupedBars("Exempt H100e by destination tier (mean over replications)", "H100e", names,
                TierExports.Tiers.Select(t => ($"Tier {t}", (IReadOnlyList<double>)rows.Select(r => r.ExemptMean(t)).ToList())).ToList()), 1000, 400),
            "Chips delivered without a licence (notified, exempt or not controlled), by the destination's tier: Tier 1 exports under the Diffusion Rule are here.");

        page.Heading(2, "The regimes");
        foreach (var row in rows)
        {
            page.Heading(3, row.Label).Paragraph(row.Run.Description);
            RunReport.RegimeTimeline(page, row.Run.Regime.Rules, row.Run.Start, row.Run.Months);
        }
        return page.Render();
    }

    private static IEnumerable<IReadOnlyList<string>> Measures(IReadOnlyList<RegimeOutcome> rows, IReadOnlyList<string> files)
    {
        IReadOnlyList<string> Row(string name, Func<RegimeOutcome, string> value) => [name, .. rows.Select(value)];
        yield return [ "file", .. files ];
        yield return Row("months", r => $"{r.Run.Start} to {r.Run.Start.AddMonths(r.Run.Months - 1)}");
        yield return Row("agents", r => RunReport.Count(r.Run.Agents));
        yield return Row("replications with a breach", r => $"{r.MonteCarlo.ReplicationsWithBreach} of {r.MonteCarlo.Replications}");
        yield return Row("P(at least one breach)", r => RunReport.Probability(r.MonteCarlo.BreachProbability));
        yield return Row("95% Wilson interval", r => $"{RunReport.Probability(r.MonteCarlo.BreachProbabilityLower95)} to {RunReport.Probability(r.MonteCarlo.BreachProbabilityUpper95)}");
        yield return Row("first breach month (median)", r => r.MonteCarlo.FirstBreachMedian?.ToString() ?? "none");
        yield return Row("first breach month (5th to 95th percentile)", r => r.MonteCarlo.FirstBreachP5 is { } p5 ? $"{p5} to {r.MonteCarlo.FirstBreachP95}" : "none");
        foreach (var (kind, threshold) in RegimeOutcome.KindColumns(rows))
            yield return Row($"P({kind}{(threshold is { } t ? $" >= {ResultFiles.Number(t)} H100e" : ", any excess")})", r => r.Estimate(kind, threshold) is { } e
                ? $"{RunReport.Probability(e.Probability)} ({RunReport.Probability(e.Lower95)} to {RunReport.Probability(e.Upper95)}), first {e.FirstMonthMedian?.ToString() ?? "never"}"
                : "not asked");
        yield return Row("largest excess beyond the rules H100e (median)", r => RunReport.H100e(r.MonteCarlo.LargestUnauthorisedClusterMedian));
        yield return Row("largest excess beyond the rules H100e (95th percentile)", r => RunReport.H100e(r.MonteCarlo.LargestUnauthorisedClusterP95));
        yield return Row("smuggled H100e (mean)", r => RunReport.H100e(r.MonteCarlo.SmuggledH100eMean));
        foreach (var tier in TierExports.Tiers)
            yield return Row($"licensed H100e to Tier {tier} (mean)", r => RunReport.H100e(r.LicensedMean(tier)));
        foreach (var tier in TierExports.Tiers)
            yield return Row($"exempt H100e to Tier {tier} (mean)", r => RunReport.H100e(r.ExemptMean(tier)));
    }

    /// <summary>A value per category with an interval around it: bars with whiskers, or points with whiskers.</summary>
    internal static Plot WithInterval(string title, string valueLabel, IReadOnlyList<string> names, IReadOnlyList<(double Value, double Lower, double Upper)> values, bool bars)
    {
        var plot = new Plot();
        plot.Title(title);
        var xs = Enumerable.Range(0, values.Count).Select(i => (double)i).ToArray();
        var shown = values.Select((v, i) => (v, i)).Where(x => !double.IsNaN(x.v.Value)).ToList();
        if (bars)
        {
            var bar = plot.Add.Bars(xs, values.Select(v => v.Value).ToArray());
            bar.Color = Charts.Palette[0].WithAlpha(0.6);
            plot.Axes.Margins(bottom: 0);
            plot.YLabel(valueLabel);
            plot.Axes.SetLimitsY(0, 1.05);
        }
        else
        {
            var points = plot.Add.ScatterPoints(shown.Select(x => (double)x.i).ToArray(), shown.Select(x => x.v.Value).ToArray(), Charts.Palette[1]);
            points.MarkerSize = 10;
        }
        var whiskers = plot.Add.ErrorBar(shown.Select(x => (double)x.i).ToList(), shown.Select(x => x.v.Value).ToList(),
            shown.Select(x => x.v.Upper - x.v.Value).ToList());
        whiskers.YErrorNegative = shown.Select(x => x.v.Value - x.v.Lower).ToList();
        whiskers.Color = Colors.Black;
        whiskers.LineWidth = 2;
        Charts.CategoryAxis(plot.Axes.Bottom, names);
        plot.Axes.SetLimitsX(-0.6, values.Count - 0.4);
        return plot;
    }
}
