using ScottPlot;
using SupplyChainSim.Model.Breaches;
using SupplyChainSim.Model.MonteCarlo;
using SupplyChainSim.Model.Units;
using SupplyChainSim.Output;

namespace SupplyChainSim.Reports;

/// <summary>
/// compare.csv, compare-replications.csv and compare.html: regimes side by side on the same seeds: breach
/// probability with its interval, first breach month, the excess beyond the rules, smuggled and seized H100e and
/// lawful exports by destination tier; and each scenario against the first, pair by pair over the shared seeds
/// (<see cref="PairedComparison"/>).
/// </summary>
public static class ComparisonReport
{
    public const string CsvName = "compare.csv";
    public const string ReplicationsCsvName = "compare-replications.csv";
    public const string HtmlName = "compare.html";

    /// <summary>The paired columns of compare.csv: empty in the first scenario's row, which the others are paired with.</summary>
    public static readonly IReadOnlyList<string> PairedColumns =
    [
        "pairedWith", "pairs",
        "breachProbabilityDiff", "breachProbabilityDiffNewcombeLower95", "breachProbabilityDiffNewcombeUpper95",
        "breachDiscordantMore", "breachDiscordantFewer", "breachMcNemarExactP",
        "smuggledH100eMeanDiff", "smuggledH100eMeanDiffPairedTLower95", "smuggledH100eMeanDiffPairedTUpper95", "smuggledH100eMeanDiffPairedTP",
        "largestUnauthorisedH100eMeanDiff", "largestUnauthorisedH100eMeanDiffPairedTLower95", "largestUnauthorisedH100eMeanDiffPairedTUpper95",
        "largestUnauthorisedH100eMeanDiffPairedTP",
    ];

    /// <summary>Four paired columns per kind and threshold: the difference in probability, its Newcombe interval, the exact McNemar p-value.</summary>
    public static IReadOnlyList<string> PairedKindColumnNames(IReadOnlyList<(string Kind, double? Threshold)> kinds) =>
        kinds.SelectMany(k => RegimeOutcome.Prefix(k) is var p
            ? (IEnumerable<string>)[$"{p}PDiff", $"{p}PDiffNewcombeLower95", $"{p}PDiffNewcombeUpper95", $"{p}McNemarExactP"] : []).ToList();

    /// <summary>Each row but the first, paired with the first over the replications they share; null for the first.</summary>
    public static IReadOnlyList<PairedComparison?> Paired(IReadOnlyList<RegimeOutcome> rows) =>
        rows.Select((row, i) => i == 0 ? null : PairedComparison.Of(rows[0].Replications, row.Replications)).ToList();

    /// <summary>One row per regime compared, in the order given on the command line.</summary>
    /// <param name="files">The scenario file of each row, as given.</param>
    public static byte[] Csv(IReadOnlyList<RegimeOutcome> rows, IReadOnlyList<string> files)
    {
        var kinds = RegimeOutcome.KindColumns(rows);
        var paired = Paired(rows);
        return ResultFiles.Csv(
            ["scenario", "file", "seed", "agents", .. RegimeOutcome.Columns, .. RegimeOutcome.KindColumnNames(kinds), .. PairedColumns, .. PairedKindColumnNames(kinds)],
            rows.Select((row, i) => (IReadOnlyList<object>)
            [
                row.Label, files[i], row.Run.Seed, row.Run.Agents, .. row.Values(kinds), .. PairedValues(rows[0].Label, paired[i], kinds),
            ]));
    }

    private static IEnumerable<object> PairedValues(string reference, PairedComparison? paired, IReadOnlyList<(string Kind, double? Threshold)> kinds)
    {
        if (paired is null) return Enumerable.Repeat((object)"", PairedColumns.Count + 4 * kinds.Count);
        var any = paired.AnyBreach;
        static IEnumerable<object> Mean(PairedMean m) => [RegimeOutcome.Cell(m.Difference), RegimeOutcome.Cell(m.Lower95), RegimeOutcome.Cell(m.Upper95), RegimeOutcome.Cell(m.P)];
        return
        [
            reference, paired.Pairs, RegimeOutcome.Round(any.Difference), RegimeOutcome.Round(any.Lower95), RegimeOutcome.Round(any.Upper95), any.More, any.Fewer,
            RegimeOutcome.Round(any.McNemarP), .. Mean(paired.Smuggled), .. Mean(paired.LargestUnauthorised),
            .. kinds.SelectMany(k => paired.Kind(k.Kind, k.Threshold) is { } p
                ? (IEnumerable<object>)[RegimeOutcome.Round(p.Difference), RegimeOutcome.Round(p.Lower95), RegimeOutcome.Round(p.Upper95), RegimeOutcome.Round(p.McNemarP)]
                : ["", "", "", ""]),
        ];
    }

    /// <summary>
    /// compare-replications.csv: one row per scenario and replication, with the columns of replications.csv; a
    /// threshold one scenario does not ask about is left empty in its rows.
    /// </summary>
    public static byte[] ReplicationsCsv(IReadOnlyList<RegimeOutcome> rows, IReadOnlyList<string> files)
    {
        var kinds = rows.SelectMany(r => r.Replications.Take(1)).SelectMany(r => r.Kinds).Select(k => k.Kind).Distinct()
            .OrderBy(BreachKind.Rank).Select(kind => (Kind: kind, Thresholds: (IReadOnlyList<double>)rows.SelectMany(r => r.Replications.Take(1))
                .SelectMany(r => r.Kinds.Where(k => k.Kind == kind)).SelectMany(k => k.Thresholds.Select(t => t.ThresholdH100e)).Distinct().Order().ToList()))
            .ToList();
        return ResultFiles.Csv(["scenario", "file", .. ResultFiles.ReplicationColumns(kinds)],
            rows.SelectMany((row, i) => row.Replications.Select(r => (IReadOnlyList<object>)[row.Label, files[i], .. ResultFiles.ReplicationCells(r, kinds)])));
    }

    /// <param name="planned">How many regimes were asked for: fewer rows means the comparison was stopped.</param>
    public static byte[] Html(IReadOnlyList<RegimeOutcome> rows, IReadOnlyList<string> files, int planned)
    {
        var page = new HtmlPage("Regime comparison: SupplyChainSim");
        page.Heading(1, $"Regime comparison: {string.Join(" vs ", rows.Select(r => r.Label))}");
        if (rows.Count < planned)
            page.Note($"Partial: stopped after {rows.Count} of {planned} scenarios; the ones shown are complete, the others were not run to the end.");
        if (rows.Count == 0) return page.Render();
        var divergence = Comparability.FirstDifference(rows.Select(r => r.Run).ToList());
        Introduction(page, rows, divergence);
        page.Table(["", .. rows.Select(r => r.Label)], Measures(rows, files));
        if (rows.Count > 1) Paired(page, rows);
        BreachProbability(page, rows, divergence);
        FirstBreachMonth(page, rows, divergence);
        Excess(page, rows);
        SmuggledAndSeized(page, rows);
        KeptOut(page, rows);
        ExportsByTier(page, rows);
        page.Heading(2, "The regimes");
        foreach (var row in rows)
        {
            page.Heading(3, row.Label).Paragraph(row.Run.Description);
            RunReport.RegimeTimeline(page, row.Run.Regime.Rules, row.Run.Start, row.Run.Months, divergence);
        }
        return page.Render();
    }

    /// <summary>How the scenarios ran, what makes them less comparable, which are deterministic, and when their rules part.</summary>
    private static void Introduction(HtmlPage page, IReadOnlyList<RegimeOutcome> rows, YearMonth? divergence)
    {
        var first = rows[0];
        page.Paragraph($"Every scenario ran with seed {first.Run.Seed} and {RunReport.Count(first.MonteCarlo.Replications)} replication" +
            $"{(first.MonteCarlo.Replications == 1 ? "" : "s")} on the same replication seeds: replication i of every scenario ran on the same seed, " +
            "so the scenarios are compared pair by pair below. Each builds its own world from its file (the shipped scenarios share scenarios/world/world.json).");
        foreach (var warning in Comparability.Warnings(rows)) page.Note("Warning: " + warning);
        foreach (var row in rows.Where(r => r.MonteCarlo.Deterministic))
            page.Note($"{row.Label}: {RunReport.DeterministicNote(row.MonteCarlo.Replications)}");
        page.Paragraph(divergence is { } month
            ? $"The regimes first differ in {month} (the first month the rules in force are not the same); charts over time mark it."
            : "The rules in force are the same in every scenario, month by month: differences come from elsewhere (the period, the world, enforcement).");
    }

    private static void BreachProbability(HtmlPage page, IReadOnlyList<RegimeOutcome> rows, YearMonth? divergence)
    {
        page.Heading(2, "Breach probability");
        page.Chart(Charts.Svg(WithInterval("P(at least one breach)", "probability", Names(rows),
                rows.Select(r => (r.MonteCarlo.BreachProbability, r.MonteCarlo.BreachProbabilityLower95, r.MonteCarlo.BreachProbabilityUpper95, r.MonteCarlo.Deterministic)).ToList(),
                bars: true), 1000, 380),
            "The share of replications with at least one breach; whiskers: the 95% Wilson score interval (none for a deterministic scenario, whose replications were all alike).");
        page.Chart(Charts.Svg(ByMonth(rows, divergence), 1000, 380),
            "The share of replications with a breach by the end of each month" + (divergence is { } d ? $"; dashed: {d}, the month the regimes first differ." : "."));
    }

    /// <summary>Each scenario's median first breach month with its 5th to 95th percentile, over the months of all of them.</summary>
    private static void FirstBreachMonth(HtmlPage page, IReadOnlyList<RegimeOutcome> rows, YearMonth? divergence)
    {
        page.Heading(2, "First breach month");
        if (!rows.Any(r => r.MonteCarlo.FirstBreachMedian is not null))
        {
            page.Paragraph("No scenario had a breach in any replication.");
            return;
        }
        var origin = rows.Min(r => r.Run.Start);
        var plot = WithInterval("First breach month", "", Names(rows), rows.Select(r => r.MonteCarlo.FirstBreachMedian is { } median
            ? ((double)(median - origin), (double)(r.MonteCarlo.FirstBreachP5!.Value - origin), (double)(r.MonteCarlo.FirstBreachP95!.Value - origin), r.MonteCarlo.Deterministic)
            : (double.NaN, double.NaN, double.NaN, false)).ToList(), bars: false);
        var last = rows.Max(r => r.Run.Start.AddMonths(r.Run.Months - 1));
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        var span = last - origin + 1;
        for (var i = 0; i < span; i += Math.Max(1, (int)Math.Ceiling(span / 12.0))) ticks.AddMajor(i, origin.AddMonths(i).ToString());
        plot.Axes.Left.TickGenerator = ticks;
        plot.Axes.SetLimitsY(-0.5, span - 0.5);
        if (divergence is { } at) Charts.MarkMonth(plot, at - origin - 0.5, vertical: false);
        page.Chart(Charts.Svg(plot, 1000, 380), "Median first breach month over the replications with a breach; whiskers: 5th to 95th percentile. " +
            "Scenarios without a breach have no point." + (divergence is { } d ? $" Dashed: {d}, the month the regimes first differ." : ""));
    }

    private static void Excess(HtmlPage page, IReadOnlyList<RegimeOutcome> rows)
    {
        page.Heading(2, "Beyond the rules: the excess");
        var kinds = BreachKind.All.Where(kind => rows.Any(r => r.KindExcess(kind).P95 > 0)).ToList();
        if (kinds.Count == 0)
        {
            page.Paragraph("No cluster went beyond the rules in any scenario or replication.");
            return;
        }
        page.Chart(Charts.Svg(Charts.GroupedBars("Largest excess beyond the rules, by kind", "H100e beyond the rules", Names(rows),
                kinds.Select(kind => ($"{kind} (median)", (IReadOnlyList<double>)rows.Select(r => r.KindExcess(kind).Median).ToList())).ToList(),
                kinds.Select(kind => (IReadOnlyList<double>)rows.Select(r => r.KindExcess(kind).P95).ToList()).ToList()), 1000, 400),
            "What the largest cluster of each kind held beyond what the rules permit its owner, by the end of the run (not the whole cluster): " +
            "the median over replications; whiskers up to the 95th percentile.");
    }

    private static void SmuggledAndSeized(HtmlPage page, IReadOnlyList<RegimeOutcome> rows)
    {
        page.Heading(2, "Smuggled and seized");
        page.Chart(Charts.Svg(Charts.GroupedBars("Smuggled and seized H100e (mean over replications)", "H100e", Names(rows),
            [
                ("smuggled: delivered through intermediaries", rows.Select(r => r.MonteCarlo.SmuggledH100eMean).ToList()),
                ("seized from intermediaries' lots", rows.Select(r => r.SeizedMean).ToList()),
            ]), 1000, 360),
            "On their own scale: small next to licensed and exempt exports, and drawn here so that they can be seen.");
    }

    /// <summary>Why controlled compute did not reach the grey market's labs, arm by arm; nothing where an arm has no grey market.</summary>
    private static void KeptOut(HtmlPage page, IReadOnlyList<RegimeOutcome> rows)
    {
        if (!rows.All(r => r.MonteCarlo.KeptOutMean is not null)) return;
        page.Chart(Charts.Svg(Charts.GroupedBars("Why controlled compute did not reach China's labs (mean H100e over replications)", "H100e", Names(rows),
            [
                ("deterred: networks' capacity left unbought for want of margin", rows.Select(r => r.MonteCarlo.KeptOutMean!.DeterredH100e).ToList()),
                ("seized on the way", rows.Select(r => r.MonteCarlo.KeptOutMean!.SeizedH100e).ToList()),
                ("substituted: lawful export-grade, domestic or rented abroad", rows.Select(r => r.MonteCarlo.KeptOutMean!.SubstitutedH100e).ToList()),
            ]), 1000, 380),
            "A regime keeps compute out by making smuggling unprofitable (deterred), by catching it (seized), or by what buyers turn to " +
            "instead (substituted). Between arms on the same seeds, the differences say which way a regime works.");
    }

    private static void ExportsByTier(HtmlPage page, IReadOnlyList<RegimeOutcome> rows)
    {
        page.Heading(2, "Exports by destination tier");
        page.Chart(Charts.Svg(Charts.GroupedBars("Licensed H100e by destination tier (mean over replications)", "H100e", Names(rows),
                TierExports.Tiers.Select(t => ($"Tier {t}", (IReadOnlyList<double>)rows.Select(r => r.LicensedMean(t)).ToList())).ToList()), 1000, 400),
            "Chips delivered under a licence, by the AI Diffusion Rule tier of the destination country (1 unrestricted, 2 capped, 3 D:5 and Macau).");
        page.Chart(Charts.Svg(Charts.GroupedBars("Exempt H100e by destination tier (mean over replications)", "H100e", Names(rows),
                TierExports.Tiers.Select(t => ($"Tier {t}", (IReadOnlyList<double>)rows.Select(r => r.ExemptMean(t)).ToList())).ToList()), 1000, 400),
            "Chips delivered without a licence (notified, exempt or not controlled), by the destination's tier: Tier 1 exports under the Diffusion Rule are here.");
    }

    private static List<string> Names(IReadOnlyList<RegimeOutcome> rows) => [.. rows.Select(r => r.Label)];

    /// <summary>Each scenario against the first, over the seeds they share: a table, and the differences with their intervals.</summary>
    private static void Paired(HtmlPage page, IReadOnlyList<RegimeOutcome> rows)
    {
        var reference = rows[0];
        var paired = Paired(rows).Skip(1).Select(p => p!).ToList();
        page.Heading(2, $"Paired differences against {reference.Label}");
        page.Paragraph($"Each scenario minus {reference.Label}, replication by replication on the same seeds ({RunReport.Count(paired[0].Pairs)} pairs). " +
            $"Probabilities: {PairedComparison.ProportionMethod}; more/fewer: pairs where only this scenario, or only {reference.Label}, reached it. " +
            $"Mean H100e: {PairedComparison.MeanMethod}. The same figures are in compare.csv, and can be worked out again from compare-replications.csv.");
        PairedTable(page, rows, paired);
        PairedProportions(page, rows, paired);
        var means = Charts.DodgedPoints($"Difference in mean H100e from {reference.Label}", "H100e", ["smuggled", "largest excess beyond the rules"],
            rows.Skip(1).Select((row, i) => (row.Label, (IReadOnlyList<(double, double, double, bool)>)new[] { paired[i].Smuggled, paired[i].LargestUnauthorised }
                .Select(m => (m.Difference, m.Lower95, m.Upper95, paired[i].Deterministic || double.IsNaN(m.Lower95))).ToList())).ToList());
        page.Chart(Charts.Svg(means, 1000, 380), "The mean of the paired differences; whiskers: the paired t 95% interval.");
    }

    /// <summary>Every difference from the first scenario, with its interval and test, a column per other scenario.</summary>
    private static void PairedTable(HtmlPage page, IReadOnlyList<RegimeOutcome> rows, IReadOnlyList<PairedComparison> paired)
    {
        string Proportion(PairedProportion p, bool deterministic) => deterministic
            ? $"{Signed(p.Difference)} (deterministic)"
            : $"{Signed(p.Difference)} ({Signed(p.Lower95)} to {Signed(p.Upper95)}); {p.More} more, {p.Fewer} fewer; McNemar p {P(p.McNemarP)}";
        string Mean(PairedMean m, bool deterministic) => double.IsNaN(m.Difference) ? "none"
            : deterministic || double.IsNaN(m.Lower95) ? $"{SignedH100e(m.Difference)}{(deterministic ? " (deterministic)" : "")}"
            : $"{SignedH100e(m.Difference)} ({SignedH100e(m.Lower95)} to {SignedH100e(m.Upper95)}); paired t p {P(m.P)}";
        var measures = new List<IReadOnlyList<string>>
        {
            (IReadOnlyList<string>)["P(at least one breach)", .. paired.Select(p => Proportion(p.AnyBreach, p.Deterministic))],
        };
        foreach (var (kind, threshold) in RegimeOutcome.KindColumns(rows))
            measures.Add([Describe(kind, threshold), .. paired.Select(p => p.Kind(kind, threshold) is { } k ? Proportion(k, p.Deterministic) : "not asked")]);
        measures.Add(["smuggled H100e (mean)", .. paired.Select(p => Mean(p.Smuggled, p.Deterministic))]);
        measures.Add(["largest excess beyond the rules H100e (mean)", .. paired.Select(p => Mean(p.LargestUnauthorised, p.Deterministic))]);
        page.Table([$"difference from {rows[0].Label}", .. rows.Skip(1).Select(r => r.Label)], measures);
    }

    /// <summary>The probabilities that differ somewhere, as points with their intervals.</summary>
    private static void PairedProportions(HtmlPage page, IReadOnlyList<RegimeOutcome> rows, IReadOnlyList<PairedComparison> paired)
    {
        var shown = new List<(string Name, Func<PairedComparison, PairedProportion?> Of)> { ("any breach", p => p.AnyBreach) };
        shown.AddRange(RegimeOutcome.KindColumns(rows).Select(k => ($"{k.Kind} {(k.Threshold is { } t ? $">= {BreachThresholds.Number(t)}" : "any")}",
            (Func<PairedComparison, PairedProportion?>)(p => p.Kind(k.Kind, k.Threshold)))));
        shown = shown.Where(s => paired.Any(p => s.Of(p) is { } x && (x.More > 0 || x.Fewer > 0))).ToList();
        if (shown.Count == 0)
        {
            page.Paragraph("Every pair of replications agreed on every breach kind and threshold: no probability differs.");
            return;
        }
        var plot = Charts.DodgedPoints($"Difference in probability from {rows[0].Label}", "difference in probability", shown.Select(s => s.Name).ToList(),
            rows.Skip(1).Select((row, i) => (row.Label, (IReadOnlyList<(double, double, double, bool)>)shown.Select(s => s.Of(paired[i]) is { } x
                ? (x.Difference, x.Lower95, x.Upper95, paired[i].Deterministic) : (double.NaN, double.NaN, double.NaN, false)).ToList())).ToList());
        plot.Axes.SetLimitsY(-1.05, 1.05);
        page.Chart(Charts.Svg(plot, 1000, 420), "Each scenario's probability minus the first's over the same seeds; whiskers: Newcombe's 95% interval for a paired difference " +
            "(none where both scenarios are deterministic). Measures where every pair agreed are left out.");
    }

    private static string Describe(string kind, double? threshold) =>
        $"P({kind}{(threshold is { } t ? $" >= {BreachThresholds.Number(t)} H100e" : ", any excess")})";

    private static string Signed(double value) => (value > 0 ? "+" : "") + RunReport.Probability(value);

    private static string SignedH100e(double value) => (value > 0 ? "+" : "") + H100eDisplay.H100eText(value);

    private static string P(double p) => p < 0.001 ? "< 0.001" : p.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The share of replications with a breach by the end of each month, over the months of all scenarios.</summary>
    private static Plot ByMonth(IReadOnlyList<RegimeOutcome> rows, YearMonth? divergence)
    {
        var origin = rows.Min(r => r.Run.Start);
        var last = rows.Max(r => r.Run.Start.AddMonths(r.Run.Months - 1));
        var span = last - origin + 1;
        var plot = new Plot();
        plot.Title("Breach probability by month");
        plot.YLabel("P(a breach by then)");
        for (var s = 0; s < rows.Count; s++)
        {
            var row = rows[s];
            var months = Enumerable.Range(row.Run.Start - origin, row.Run.Months).ToArray();
            var shares = months.Select(m => row.Replications.Count == 0 ? 0
                : (double)row.Replications.Count(r => r.FirstBreachMonth is { } f && f - origin <= m) / row.Replications.Count).ToArray();
            var line = plot.Add.ScatterLine(months.Select(m => (double)m).ToArray(), shares, Charts.Palette[s % Charts.Palette.Count]);
            line.ConnectStyle = ConnectStyle.StepHorizontal;
            line.LineWidth = 2;
            line.LegendText = row.Label + (row.MonteCarlo.Deterministic ? " (deterministic)" : "");
            if (s >= Charts.Palette.Count) line.LinePattern = LinePattern.Dashed;
        }
        Charts.MonthAxis(plot, origin, span);
        plot.Axes.SetLimits(-0.5, span - 0.5, -0.02, 1.05);
        if (divergence is { } at) Charts.MarkMonth(plot, at - origin - 0.5, vertical: true);
        plot.ShowLegend();
        return plot;
    }

    private static IEnumerable<IReadOnlyList<string>> Measures(IReadOnlyList<RegimeOutcome> rows, IReadOnlyList<string> files)
    {
        IReadOnlyList<string> Row(string name, Func<RegimeOutcome, string> value) => [name, .. rows.Select(value)];
        string Interval(RegimeOutcome r, double lower, double upper) =>
            r.MonteCarlo.Deterministic ? "deterministic" : $"{RunReport.Probability(lower)} to {RunReport.Probability(upper)}";
        yield return [ "file", .. files ];
        yield return Row("months", r => $"{r.Run.Start} to {r.Run.Start.AddMonths(r.Run.Months - 1)}");
        yield return Row("agents", r => RunReport.Count(r.Run.Agents));
        yield return Row("world", r => r.World is { } world ? $"world seed {world.WorldSeed}, {world.Hash}" : "");
        yield return Row("replications", r => r.MonteCarlo.Deterministic ? $"{RunReport.Count(r.MonteCarlo.Replications)}, deterministic (all alike)" : RunReport.Count(r.MonteCarlo.Replications));
        yield return Row("replications with a breach", r => $"{r.MonteCarlo.ReplicationsWithBreach} of {r.MonteCarlo.Replications}");
        yield return Row("P(at least one breach)", r => RunReport.Probability(r.MonteCarlo.BreachProbability));
        yield return Row("95% Wilson interval", r => Interval(r, r.MonteCarlo.BreachProbabilityLower95, r.MonteCarlo.BreachProbabilityUpper95));
        yield return Row("first breach month (median)", r => r.MonteCarlo.FirstBreachMedian?.ToString() ?? "none");
        yield return Row("first breach month (5th to 95th percentile)", r => r.MonteCarlo.FirstBreachP5 is { } p5 ? $"{p5} to {r.MonteCarlo.FirstBreachP95}" : "none");
        foreach (var (kind, threshold) in RegimeOutcome.KindColumns(rows))
            yield return Row(Describe(kind, threshold), r => r.Estimate(kind, threshold) is { } e
                ? $"{RunReport.Probability(e.Probability)} ({Interval(r, e.Lower95, e.Upper95)}), first {e.FirstMonthMedian?.ToString() ?? "never"}"
                : "not asked");
        yield return Row("largest excess beyond the rules H100e (median)", r => H100eDisplay.H100eText(r.MonteCarlo.LargestUnauthorisedClusterMedian));
        yield return Row("largest excess beyond the rules H100e (95th percentile)", r => H100eDisplay.H100eText(r.MonteCarlo.LargestUnauthorisedClusterP95));
        yield return Row("largest excess beyond the rules H100e (mean)", r => H100eDisplay.H100eText(r.LargestUnauthorisedMean));
        yield return Row("smuggled H100e (mean)", r => H100eDisplay.H100eText(r.MonteCarlo.SmuggledH100eMean));
        yield return Row("seized H100e (mean)", r => H100eDisplay.H100eText(r.SeizedMean));
        foreach (var tier in TierExports.Tiers)
            yield return Row($"licensed H100e to Tier {tier} (mean)", r => H100eDisplay.H100eText(r.LicensedMean(tier)));
        foreach (var tier in TierExports.Tiers)
            yield return Row($"exempt H100e to Tier {tier} (mean)", r => H100eDisplay.H100eText(r.ExemptMean(tier)));
    }

    /// <summary>
    /// A value per category with an interval around it: bars with whiskers, or points with whiskers. A deterministic
    /// value gets no whisker, and says so above it.
    /// </summary>
    internal static Plot WithInterval(string title, string valueLabel, IReadOnlyList<string> names,
        IReadOnlyList<(double Value, double Lower, double Upper, bool Deterministic)> values, bool bars)
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
            plot.Axes.SetLimitsY(0, 1.12);
        }
        else
        {
            var points = plot.Add.ScatterPoints(shown.Select(x => (double)x.i).ToArray(), shown.Select(x => x.v.Value).ToArray(), Charts.Palette[1]);
            points.MarkerSize = 10;
        }
        var estimated = shown.Where(x => !x.v.Deterministic).ToList();
        if (estimated.Count > 0)
        {
            var whiskers = plot.Add.ErrorBar(estimated.Select(x => (double)x.i).ToList(), estimated.Select(x => x.v.Value).ToList(),
                estimated.Select(x => x.v.Upper - x.v.Value).ToList());
            whiskers.YErrorNegative = estimated.Select(x => x.v.Value - x.v.Lower).ToList();
            whiskers.Color = Colors.Black;
            whiskers.LineWidth = 2;
        }
        foreach (var (v, i) in shown.Where(x => x.v.Deterministic))
        {
            var label = plot.Add.Text("deterministic", i, v.Value);
            label.LabelAlignment = Alignment.LowerCenter;
            label.LabelFontSize = 12;
            label.LabelOffsetY = -6;
        }
        Charts.CategoryAxis(plot.Axes.Bottom, names);
        plot.Axes.SetLimitsX(-0.6, values.Count - 0.4);
        return plot;
    }
}
