using System.Globalization;
using System.Text.Json;
using ScottPlot;
using SupplyChainSim.Model.Agents;
using SupplyChainSim.Model.Breaches;
using SupplyChainSim.Model.MonteCarlo;
using SupplyChainSim.Model.Regimes;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Trade;
using SupplyChainSim.Model.Units;
using SupplyChainSim.Output;
using static SupplyChainSim.Model.Units.H100eDisplay;

namespace SupplyChainSim.Reports;

/// <summary>
/// report.html: what a run found, for an analyst to look at: the scenario and its regime timeline, installed compute
/// by country and shipments by route over time, licence decisions by rule, magnet shortage, every breach with the
/// acquisitions that made it, and with replications how likely and how early a breach is.
/// </summary>
public static class RunReport
{
    public const string FileName = "report.html";

    /// <summary>Countries drawn one by one in the installed-compute chart; the rest are summed as "other".</summary>
    public const int CountriesShown = 8;

    /// <summary>Breaches listed with their acquisitions; all of them are in breaches.json.</summary>
    public const int BreachesListed = 100;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static byte[] Render(RunResults results, IReadOnlyList<ReplicationSummary>? replications = null)
    {
        var info = results.Info;
        var page = new HtmlPage($"{info.Scenario}, seed {info.Seed}: SupplyChainSim report");
        Header(page, results);
        page.Heading(2, "Beyond the rules: the answer");
        Answer(page, results, replications);
        page.Heading(2, "Where the compute went");
        WhereItWent(page, results);
        page.Heading(2, "Regime timeline");
        RegimeTimeline(page, info.Regime.Rules, info.Start, info.Months);
        page.Heading(2, "Compute over time");
        ComputeOverTime(page, results);
        if (Model.Market.KeptOut.Of(results) is { } keptOut)
        {
            page.Heading(2, "The grey market");
            GreyMarket(page, results, keptOut);
        }
        page.Heading(2, "Licence decisions by rule");
        DecisionsByRule(page, results);
        page.Heading(2, "Magnet shortage");
        MagnetShortage(page, results);
        page.Heading(2, "Breaches");
        Breaches(page, results);
        if (Model.Calibration.CalibrationRow.For(results, replications) is { Count: > 0 } calibration)
        {
            page.Heading(2, "Against the record");
            CalibrationChart.Add(page, calibration);
        }
        if (replications is not null)
        {
            page.Heading(2, $"Replications ({Count(replications.Count)})");
            Replications(page, replications, info.Start, info.Months);
        }
        return page.Render();
    }

    /// <summary>The scenario's name and description, and the run's seed, months, agents, breaches and tool version.</summary>
    private static void Header(HtmlPage page, RunResults results)
    {
        var info = results.Info;
        page.Heading(1, $"{info.Scenario}")
            .Paragraph(info.Description)
            .Facts([
                ("seed", info.Seed.ToString(Invariant)),
                ("months", $"{info.Start} to {info.Start.AddMonths(info.Months - 1)} ({info.Months})"),
                ("agents", Count(info.Agents)),
                ("breaches", Count(results.Breaches.Count)),
                ("tool", $"supplychainsim {ResultFiles.ToolVersion}"),
            ]);
    }

    /// <summary>
    /// The grey market's premium over list and the networks trading, month by month, then why controlled compute did not
    /// reach its labs: deterred, seized, substituted.
    /// </summary>
    private static void GreyMarket(HtmlPage page, RunResults results, Model.Market.KeptOut keptOut)
    {
        var months = results.Months.Select(m => m.GreyMarket!).ToList();
        page.Chart(Charts.Svg(Charts.MonthLines("Grey-market premium over list price", "premium (0.5 = 50% over list)", results.Info.Start,
                [("premium, weighted by what labs asked for", months.Select(g => g.Premium).ToList())]), 1000, 320),
            "What Chinese labs pay smuggling networks over the chips' list price: it rises when labs ask for more than the networks bring, and falls when they bring more.");
        page.Chart(Charts.Svg(Charts.MonthLines("Smuggling networks trading", "networks", results.Info.Start,
                [("active networks", months.Select(g => (double)g.ActiveNetworks).ToList())]), 1000, 300),
            "Networks form when margins are high, after a lag, and leave when their shells are listed or margins stay thin.");
        page.Table(["why controlled compute did not reach the labs", "H100e"],
        [
            ["deterred: networks' capacity left unbought for want of margin", H100eText(keptOut.DeterredH100e)],
            ["seized on the way", H100eText(keptOut.SeizedH100e)],
            ["substituted: lawful export-grade, domestic or rented abroad (H100e of work)", H100eText(keptOut.SubstitutedH100e)],
        ]);
    }

    /// <summary>Installed compute by country, lawful shipments by route, and smuggled and seized compute, month by month.</summary>
    private static void ComputeOverTime(HtmlPage page, RunResults results)
    {
        page.Chart(Charts.Svg(InstalledByCountry(results), 1000, 400),
            $"Installed H100e by country at the end of each month: the {CountriesShown} countries with the most at the end, the others summed.");
        page.Chart(Charts.Svg(ShippedByRoute(results), 1000, 400),
            "Cumulative H100e delivered by chipmakers under a licence or without one (exempt: notified or no licence needed), and denied.");
        page.Chart(Charts.Svg(SmuggledAndSeized(results), 1000, 320),
            "Cumulative H100e delivered by intermediaries to their buyers (smuggled) and seized from their lots, on their own scale: " +
            "beside the lawful flows they would not show.");
    }

    /// <summary>The most rules drawn as bars: a taller chart is more than a page can show (and, at tens of thousands, than Skia can draw).</summary>
    public const int ChartedRules = 60;

    /// <summary>
    /// The rules as bars over the months each is in force, and as a table with their settings; <paramref name="mark"/>,
    /// if in the run, is drawn as the month compared regimes first differ.
    /// </summary>
    public static void RegimeTimeline(HtmlPage page, IReadOnlyList<RegimeRule> rules, YearMonth start, int months, YearMonth? mark = null)
    {
        var end = start.AddMonths(months - 1);
        var plot = new Plot();
        plot.Title("Rules in force");
        var names = new List<string>();
        var drawn = Math.Min(rules.Count, ChartedRules);
        for (var i = 0; i < drawn; i++)
        {
            var rule = rules[i];
            var from = rule.From is { } f && f > start ? f - start : 0;
            var until = rule.Until is { } u && u < end ? u - start : months - 1;
            var y = drawn - 1 - i;
            if (from <= until)
            {
                var bar = plot.Add.Rectangle(from - 0.5, until + 0.5, y - 0.35, y + 0.35);
                bar.FillStyle.Color = Charts.Palette[i % Charts.Palette.Count];
                bar.LineStyle.Width = 0;
            }
            names.Add(rule.Reason);
        }
        names.Reverse();
        Charts.CategoryAxis(plot.Axes.Left, names);
        Charts.MonthAxis(plot, start, months);
        plot.Axes.SetLimits(-0.5, months - 0.5, -0.6, drawn - 0.4);
        var marked = mark is { } m && m >= start && m <= end;
        if (marked) Charts.MarkMonth(plot, mark!.Value - start - 0.5, vertical: true);
        page.Chart(Charts.Svg(plot, 1000, 120 + 32 * drawn),
            "Each rule's months in force within the run (a rule decides an order only in its months; see the table for its settings)." +
            (drawn < rules.Count ? $" The first {drawn} of the {rules.Count:N0} rules are drawn; the table lists them all." : "") +
            (marked ? $" Dashed: the start of {mark}, when the compared regimes first differ." : ""));
        page.Table(["rule", "from", "until", "precedence", "settings"], rules.Select(rule => (IReadOnlyList<string>)
        [
            rule.Reason, rule.From?.ToString() ?? "(start)", rule.Until?.ToString() ?? "(open)", rule.Precedence.ToString(Invariant),
            JsonSerializer.Serialize(rule, ResultFiles.RuleJson),
        ]));
    }

    /// <summary>The flow picture of the whole run, and the smuggling channels again on their own scale.</summary>
    private static void WhereItWent(HtmlPage page, RunResults results)
    {
        var channels = results.Months.SelectMany(m => m.Channels).ToList();
        var all = FlowPicture.Of(channels);
        if (all.Links.Count == 0)
        {
            page.Paragraph("Nothing was delivered in this run.");
            return;
        }
        page.Figure(FlowPicture.Svg(all, "H100e by chipmaker, route and destination"),
            "Everything delivered over the run: from each chipmaker, by route (licensed, exempt, or bought by an intermediary's shells and smuggled through " +
            "its hub and transit countries), to the destination country, or the owner when it is restricted (D:5 and Macau, or headquartered there). " +
            "Seized lots end where they were seized; lots still in a hub's warehouse at the end are shown as such. Bands are never thinner than 1.5 pixels.");
        var smuggling = FlowPicture.Of(channels, smugglingOnly: true);
        if (smuggling.Links.Count > 0)
            page.Figure(FlowPicture.Svg(smuggling, "The smuggling channels, on their own scale"),
                "Only what intermediaries' shells bought, and where it went: to restricted owners, seized, or still waiting in a hub.");
    }

    private static Plot InstalledByCountry(RunResults results)
    {
        var last = results.Months.LastOrDefault();
        var top = (last?.Countries ?? []).Where(c => c.Installed > Tpp.Zero)
            .OrderByDescending(c => c.Installed).ThenBy(c => c.Country, StringComparer.Ordinal).Take(CountriesShown).Select(c => c.Country).ToList();
        var series = top.Select(code => (code, (IReadOnlyList<double>)results.Months
            .Select(m => m.Countries.FirstOrDefault(c => c.Country == code)?.Installed.H100e ?? 0).ToList())).ToList();
        var other = results.Months.Select(m => Tpp.Sum(m.Countries.Where(c => !top.Contains(c.Country)), c => c.Installed).H100e).ToList();
        if (other.Any(v => v > 0)) series.Add(("other", other));
        return Charts.MonthLines("Installed H100e by country", "H100e", results.Info.Start, series);
    }

    private static Plot ShippedByRoute(RunResults results)
    {
        IReadOnlyList<double> Cumulative(Func<MonthReport, Flow> flow)
        {
            var sum = Tpp.Zero;
            return results.Months.Select(m => (sum += flow(m).Compute).H100e).ToList();
        }
        return Charts.MonthLines("H100e by route (cumulative)", "H100e", results.Info.Start,
            [("licensed", Cumulative(m => m.Licensed)), ("exempt", Cumulative(m => m.Exempt)), ("denied", Cumulative(m => m.Denied))]);
    }

    private static Plot SmuggledAndSeized(RunResults results)
    {
        IReadOnlyList<double> Cumulative(Func<MonthReport, Tpp> flow)
        {
            var sum = Tpp.Zero;
            return results.Months.Select(m => (sum += flow(m)).H100e).ToList();
        }
        var plot = Charts.MonthLines("Smuggled and seized H100e (cumulative)", "H100e", results.Info.Start,
            [("smuggled", Cumulative(m => m.Smuggled.Compute)), ("seized", Cumulative(m => Tpp.Sum(m.Detections, d => d.Compute)))]);
        plot.GetPlottables().OfType<ScottPlot.Plottables.Scatter>().ToList().ForEach(line => line.Color = line.LegendText == "smuggled" ? Charts.Palette[1] : Charts.Palette[7]);
        return plot;
    }

    /// <summary>
    /// What clusters hold beyond the rules, by kind, month by month: the largest excess of each kind anywhere at the
    /// month's end (the excess alone, never the whole cluster).
    /// </summary>
    private static Plot ExcessByKind(RunResults results) =>
        Charts.MonthLines("Largest excess beyond the rules, by kind", "H100e beyond the rules", results.Info.Start,
            BreachKind.All.Select(kind => (kind, (IReadOnlyList<double>)results.Months
                .Select(m => m.Peaks.FirstOrDefault(p => p.Kind == kind)?.Excess.H100e ?? 0).ToList())));

    private static void DecisionsByRule(HtmlPage page, RunResults results)
    {
        // Counted by rule and outcome, month by month: a run that streamed its decisions to licences.csv holds only these counts.
        var tallies = results.Months.Select(m => m.Licensing).ToList();
        var rows = tallies.SelectMany(t => t.Rows).ToList();
        if (rows.Count == 0)
        {
            page.Paragraph("No licence decisions: nothing was ordered from a chipmaker.");
            return;
        }
        var rules = rows.Select(r => r.Basis).Distinct().Order(StringComparer.Ordinal).ToList();
        var plot = Charts.MonthLines("Licence decisions a month, by the rule that decided", "decisions", results.Info.Start,
            rules.Select(rule => (rule, (IReadOnlyList<double>)tallies.Select(t => (double)t.Rows.Where(r => r.Basis == rule).Sum(r => r.Decisions)).ToList())));
        page.Chart(Charts.Svg(plot, 1000, 400), "Orders decided each month by each rule (the first rule in force that decides an order decides it).");
        var outcomes = Enum.GetValues<LicenceOutcome>();
        page.Table(["rule", .. outcomes.Select(o => $"{ResultFiles.OutcomeName(o)} (orders)"), "H100e decided"],
            rules.Select(rule =>
            {
                var byRule = rows.Where(r => r.Basis == rule).ToList();
                return (IReadOnlyList<string>)
                [
                    rule, .. outcomes.Select(o => Count(byRule.Where(r => r.Outcome == o).Sum(r => r.Decisions))),
                    H100eText(Tpp.Sum(byRule, r => r.Compute)),
                ];
            }));
    }

    private static void MagnetShortage(HtmlPage page, RunResults results)
    {
        var importers = results.Months.SelectMany(m => m.RareEarths.Importers.Select(i => i.Country)).Distinct().Order(StringComparer.Ordinal).ToList();
        if (importers.Count == 0)
        {
            page.Paragraph("This scenario has no rare-earth market: no magnet shortage is modelled.");
            return;
        }
        var plot = Charts.MonthLines("Magnet shortage by importer", "shortage (0 to 1)", results.Info.Start,
            importers.Select(code => (code, (IReadOnlyList<double>)results.Months
                .Select(m => m.RareEarths.Importers.FirstOrDefault(i => i.Country == code)?.Shortage ?? 0).ToList())));
        plot.Axes.SetLimitsY(0, 1.05);
        page.Chart(Charts.Svg(plot, 1000, 360), "The share of each importer's magnet need left unmet after stocks, month by month.");
        var events = results.Months.SelectMany(m => m.RareEarths.Events).ToList();
        if (events.Count > 0)
            page.Table(["month", "event", "importer", "exporter", "policy"], events.Select(e => (IReadOnlyList<string>)
                [e.Month.ToString(), e.Type, e.Importer ?? "", e.Exporter ?? "", e.Policy ?? ""]));
    }

    /// <summary>
    /// What the analyst came for, first: by breach kind, how many clusters went beyond the rules and when, the largest
    /// excess and who holds it, the route that contributed most, and with replications how likely each kind and
    /// concern threshold is.
    /// </summary>
    private static void Answer(HtmlPage page, RunResults results, IReadOnlyList<ReplicationSummary>? replications)
    {
        var breaches = results.Breaches;
        var lines = new List<IReadOnlyList<string>>();
        foreach (var kind in BreachKind.All)
        {
            var ofKind = breaches.Where(b => b.Kind == kind).ToList();
            var largest = ofKind.OrderByDescending(b => b.EndExcess).ThenBy(b => b.Month).ThenBy(b => b.Site, StringComparer.Ordinal).FirstOrDefault();
            if (largest is null)
            {
                lines.Add([kind, "0", "", "", "", ""]);
                continue;
            }
            var (route, via, compute) = largest.EndMainContribution;
            lines.Add([kind, Count(ofKind.Count), ofKind.Min(b => b.Month).ToString(), H100eText(largest.EndExcess),
                $"{largest.Site} ({largest.Owner}, {largest.Country})", $"{ResultFiles.RouteName(route)}{(via is null ? "" : $" via {via}")}, {H100eText(compute)} H100e"]);
        }
        page.Paragraph(breaches.Count == 0
            ? "No cluster went beyond what the rules permit its owner, of any kind."
            : $"{Count(breaches.Count)} breach{(breaches.Count == 1 ? "" : "es")} of the rules in this run{(replications is null ? "" : " (replication 0, the scenario's own seed)")}. " +
              "Excess is what a cluster holds beyond what the rules permit its owner: for unlawful compute the diverted chips alone, not the lawful ones beside them.");
        page.Table(["kind", "breaches", "first", "largest excess H100e (end of run)", "held by", "main route"], lines);
        if (results.Months.Any(m => m.Peaks.Count > 0))
            page.Chart(Charts.Svg(ExcessByKind(results), 1000, 360),
                "The largest excess of each kind at the end of each month: what the cluster holds beyond what the rules permit its owner, not the cluster itself.");
        if (replications is null) return;
        var mc = MonteCarloSummary.Of(replications);
        if (mc.Deterministic) page.Note(DeterministicNote(mc.Replications));
        page.Paragraph($"Over {Count(mc.Replications)} replications, the probability that some cluster's excess of each kind reaches each size by the end of the run " +
            (mc.Deterministic ? "" : "(95% Wilson interval)") + ", and the median month it first does:");
        page.Table(["kind", "excess", "replications", "probability", "95% interval", "median first month"], mc.Kinds.Select(k => (IReadOnlyList<string>)
        [
            k.Kind, k.ThresholdH100e is { } t ? $">= {BreachThresholds.Number(t)} H100e" : "any", $"{Count(k.Reached)} of {Count(k.Replications)}",
            Probability(k.Probability), mc.Deterministic ? "deterministic" : $"{Probability(k.Lower95)} to {Probability(k.Upper95)}", k.FirstMonthMedian?.ToString() ?? "never",
        ]));
    }

    private static void Breaches(HtmlPage page, RunResults results)
    {
        LargestUnauthorised(page, results);
        var breaches = results.Breaches;
        if (breaches.Count == 0)
        {
            page.Paragraph("No breaches: no linked cluster exceeded what the regime permits its owner.");
            return;
        }
        page.Paragraph($"{Count(breaches.Count)} breach{(breaches.Count == 1 ? "" : "es")}, each recorded in the month a linked cluster first went beyond the rules " +
            "in one kind; the end columns show where it stood when the run ended.");
        page.Table(["month", "kind", "site", "owner", "country", "counted H100e", "permitted H100e", "excess H100e", "excess at end", "limit", "linked sites",
                "first for owner", "supplier caught by then"],
            breaches.Select(b => (IReadOnlyList<string>)
            [
                b.Month.ToString(), b.Kind, b.Site, b.Owner, b.Country, H100eText(b.Cluster), H100eText(b.Permitted), H100eText(b.Excess), H100eText(b.EndExcess),
                b.LimitBasis, Count(b.Sites.Count), b.FirstForOwner ? "yes" : "no", b.DetectedByThen ? "yes" : "no",
            ]));
        Trails(page, breaches);
    }

    /// <summary>The cluster that held the most beyond the rules in any month, in a sentence.</summary>
    private static void LargestUnauthorised(HtmlPage page, RunResults results)
    {
        var unauthorised = results.Months.Select(m => (m.Month, Cluster: m.LargestUnauthorised)).Where(u => u.Cluster is not null)
            .OrderByDescending(u => u.Cluster!.Excess).ThenBy(u => u.Month).Select(u => u.Cluster).FirstOrDefault();
        if (unauthorised is null) return;
        var (route, via, compute) = ClusterBreach.MainContributionOf(unauthorised.Acquisitions);
        page.Paragraph($"Largest unauthorised cluster: {H100eText(unauthorised.Excess)} H100e beyond the rules ({unauthorised.Kind}) at {unauthorised.Site} " +
            $"(owner {unauthorised.Owner}, {unauthorised.Country}), beside {H100eText(unauthorised.Lawful)} H100e the rules permit; main route: " +
            $"{ResultFiles.RouteName(route)}{(via is null ? "" : $" via {via}")}, {H100eText(compute)} H100e.");
    }

    /// <summary>The first breaches with the acquisitions behind each, collapsed.</summary>
    private static void Trails(HtmlPage page, IReadOnlyList<ClusterBreach> breaches)
    {
        page.Heading(3, "Trails: the acquisitions behind each breach");
        foreach (var b in breaches.Take(BreachesListed))
            page.Details($"{b.Month} {b.Kind} at {b.Site} ({b.Owner}, {b.Country}): {H100eText(b.Excess)} H100e beyond {H100eText(b.Permitted)} permitted, " +
                    $"{Count(b.Acquisitions.Count)} acquisitions",
                ["arrived", "exported", "seller", "via", "chip", "chips", "H100e", "route", "basis", "no-clustering", "denied directly by"],
                b.Acquisitions.Select(a => (IReadOnlyList<string>)
                [
                    a.Month.ToString(), a.Exported.ToString(), a.Seller, a.Via ?? "", a.ChipModel, Count(a.Chips), H100eText(a.Compute),
                    ResultFiles.RouteName(a.Route), a.Basis, a.NoClustering ? "yes" : "no", a.DeniedDirectlyBy ?? "",
                ]),
                $"Limit: {b.LimitBasis}. Sites linked: {string.Join(", ", b.Sites)}.");
        if (breaches.Count > BreachesListed)
            page.Note($"The first {BreachesListed} breaches are listed with their trails; all {Count(breaches.Count)} are in breaches.json.");
    }

    private static void Replications(HtmlPage page, IReadOnlyList<ReplicationSummary> replications, YearMonth start, int months)
    {
        var mc = MonteCarloSummary.Of(replications);
        page.Facts([
            ("P(at least one breach)", mc.Deterministic
                ? $"{Probability(mc.BreachProbability)} (deterministic: every replication gave the same outcomes; no interval)"
                : $"{Probability(mc.BreachProbability)} (95% Wilson interval {Probability(mc.BreachProbabilityLower95)} to {Probability(mc.BreachProbabilityUpper95)})"),
            ("replications with a breach", $"{Count(mc.ReplicationsWithBreach)} of {Count(mc.Replications)}"),
            ("first breach month", mc.FirstBreachMedian is { } median ? $"median {median}, 5th percentile {mc.FirstBreachP5}, 95th percentile {mc.FirstBreachP95}" : "no breach in any replication"),
            ("largest cluster H100e", $"median {H100eText(mc.LargestClusterMedian)}, 5th to 95th percentile {H100eText(mc.LargestClusterP5)} to {H100eText(mc.LargestClusterP95)}"),
            ("largest excess beyond the rules H100e", $"median {H100eText(mc.LargestUnauthorisedClusterMedian)}, 95th percentile {H100eText(mc.LargestUnauthorisedClusterP95)}"),
            ("smuggled H100e (mean)", H100eText(mc.SmuggledH100eMean)),
        ]);
        var plot = new Plot();
        plot.Title("First breach month across replications");
        plot.YLabel("replications");
        var counts = new double[months];
        foreach (var r in replications)
            if (r.FirstBreachMonth is { } first && first - start is var i && i >= 0 && i < months) counts[i]++;
        var bars = plot.Add.Bars(Enumerable.Range(0, months).Select(i => (double)i).ToArray(), counts);
        bars.Color = Charts.Palette[0];
        Charts.MonthAxis(plot, start, months);
        plot.Axes.Margins(bottom: 0);
        page.Chart(Charts.Svg(plot, 1000, 360),
            $"How many replications had their first breach in each month; {Count(mc.Replications - mc.ReplicationsWithBreach)} of {Count(mc.Replications)} had none.");
    }

    /// <summary>What a page says of a scenario whose replications all gave the same outcomes.</summary>
    internal static string DeterministicNote(int replications) =>
        $"Deterministic: all {Count(replications)} replications gave identical outcomes (every column of replications.csv but the seed), so the seeds " +
        "change nothing measured here: the probabilities are 0 or 1 for this world, and no interval is drawn.";

    internal static string Count(long value) => value.ToString("N0", Invariant);

    internal static string Probability(double value) => value.ToString("0.000", Invariant);
}
