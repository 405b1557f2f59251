using System.Globalization;
using Spectre.Console;
using SupplyChainSim.Model.MonteCarlo;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Trade;
using SupplyChainSim.Model.Worlds;
using SupplyChainSim.Output;
using static SupplyChainSim.Model.Units.H100eDisplay;

namespace SupplyChainSim.Cli;

/// <summary>
/// What a run prints: a line a month while it runs, then a short summary. Every line goes through <see cref="Line"/>,
/// which shows control characters in names from the scenario as escapes (<see cref="TerminalText"/>).
/// </summary>
public sealed class ConsoleReport(IAnsiConsole console)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Width of each flow column of the month table.</summary>
    private const int FlowWidth = 11;

    /// <summary>The intermediaries trading at the start, and the would-be networks that may form on a grey market.</summary>
    private static string Intermediaries(World world)
    {
        var potential = world.PotentialNetworkCount;
        var trading = Count(world.IntermediaryCount - potential, "intermediary", "intermediaries");
        return potential == 0 ? trading : $"{trading} (and {Count(potential, "network", "networks")} that may form)";
    }

    public void Header(World world, string outDirectory, bool monthLines = true)
    {
        var context = world.Context;
        Line($"Scenario {world.ScenarioName}, seed {context.Seed}: {context.Start} to {context.End} ({context.Months} months), " +
            $"regime: {string.Join(", ", context.Regime.Rules.Select(Describe))}");
        Line($"World: {Count(world.Chipmakers.Count, "chipmaker", "chipmakers")}, {Count(context.Countries.Countries.Count, "country", "countries")}, " +
            $"{Count(world.DataCentreCount, "data centre", "data centres")}, {Intermediaries(world)}; writing to {outDirectory}");
        console.WriteLine();
        if (monthLines) MonthHeader();
    }

    /// <summary>
    /// The month table's two header lines: the flows are H100e delivered (or denied) in that month; the largest
    /// cluster and the breaches are the state at the month's end (months.csv has the same flows in chips too).
    /// </summary>
    public void MonthHeader()
    {
        const int flows = 4 * (FlowWidth + 1) - 1;
        Line($"{"",-7} {Ruled("H100e this month", flows)}  {Ruled("at the month's end", 21 + 2 + 15)}");
        Line($"{"month",-7} {"licensed",FlowWidth} {"exempt",FlowWidth} {"smuggled",FlowWidth} {"denied",FlowWidth}  {"largest cluster H100e",21}  {"breaches so far",15}");
    }

    public void Month(MonthReport month) =>
        Line($"{month.Month,-7} {H100eText(month.Licensed.Compute.H100e),FlowWidth} {H100eText(month.Exempt.Compute.H100e),FlowWidth} " +
            $"{H100eText(month.Smuggled.Compute.H100e),FlowWidth} {H100eText(month.Denied.Compute.H100e),FlowWidth}  {H100eText(month.LargestCluster.H100e),21}  {month.BreachesSoFar,15}");

    /// <summary>A title centred in a rule of dashes, <paramref name="width"/> wide.</summary>
    private static string Ruled(string title, int width)
    {
        var dashes = Math.Max(2, width - title.Length - 2);
        return $"{new string('-', dashes / 2)} {title} {new string('-', dashes - dashes / 2)}";
    }

    /// <param name="replications">
    /// With --replications: every replication's row. The run's files, and so the figures here, are replication 0's;
    /// they say so, with the mean over all replications beside them.
    /// </param>
    public void Summary(RunResults results, string outDirectory, TimeSpan elapsed, IReadOnlyList<ReplicationSummary>? replications = null)
    {
        Flow Total(Func<MonthReport, Flow> flow) => results.Months.Aggregate(Flow.None, (sum, m) => sum + flow(m));
        var breaches = results.Breaches.ToList();
        var largest = results.Months.MaxBy(m => m.LargestCluster);
        // "" for a single run; " in replication 0 (seed N)" with replications.
        var of = replications is null ? "" : $" in replication 0 (seed {results.Info.Seed})";
        var over = replications is null ? "" : $"mean over {replications.Count:N0} replications";
        string Mean(Func<ReplicationSummary, double> value) => H100eText(replications!.Average(value));

        var table = new Table().Border(TableBorder.Rounded).Title(replications is null ? "[bold]Summary[/]" : $"[bold]Summary of replication 0[/] (seed {results.Info.Seed})");
        table.AddColumn("");
        table.AddColumn(new TableColumn("chips").RightAligned());
        table.AddColumn(new TableColumn("H100e").RightAligned());
        if (replications is not null) table.AddColumn(new TableColumn($"H100e, {over}").RightAligned());
        foreach (var (name, flow, mean) in new (string, Flow, Func<ReplicationSummary, Model.Units.Tpp>)[]
                 {
                     ("licensed", Total(m => m.Licensed), r => r.Licensed), ("exempt", Total(m => m.Exempt), r => r.Exempt),
                     ("smuggled", Total(m => m.Smuggled), r => r.Smuggled), ("denied", Total(m => m.Denied), r => r.Denied),
                 })
        {
            if (replications is null) table.AddRow(name, Chips(flow), H100eText(flow.Compute.H100e));
            else table.AddRow(name, Chips(flow), H100eText(flow.Compute.H100e), Mean(r => mean(r).H100e));
        }
        console.WriteLine();
        console.Write(table);

        if (largest?.LargestClusterSite is { } site)
            Line($"Largest cluster{of}: {H100eText(largest.LargestCluster.H100e)} H100e at {site}");
        BreachesByKind(breaches, of, replications is null ? "" : $"; {over}: {replications.Average(r => r.BreachCount).ToString("0.0", Invariant)}");
        var unauthorised = results.Months.Select(m => m.LargestUnauthorised).Where(u => u is not null).MaxBy(u => u!.Excess);
        if (unauthorised is not null)
        {
            var (route, via, compute) = Model.Agents.ClusterBreach.MainContributionOf(unauthorised.Acquisitions);
            Line($"Largest unauthorised cluster{of}: {H100eText(unauthorised.Excess.H100e)} H100e beyond the rules ({unauthorised.Kind}) at {unauthorised.Site} " +
                $"(owner {unauthorised.Owner}, {unauthorised.Country}), beside {H100eText(unauthorised.Lawful.H100e)} H100e the rules permit; " +
                $"main route: {ResultFiles.RouteName(route)}{(via is null ? "" : $" via {via}")}, {H100eText(compute.H100e)} H100e");
        }
        var concession = results.Months.SelectMany(m => m.RareEarths.Events).FirstOrDefault(e => e.Type == "concession-accepted");
        var peak = results.Months.SelectMany(m => m.RareEarths.Importers).MaxBy(i => i.Shortage);
        if (concession?.Terms is { } terms)
            Line($"Rare earths{of}: {terms.OfferedBy} conceded {string.Join(", ", terms.ChipModels)} licences to {terms.AcceptedBy} in {concession.Month}" +
                $"{(concession.Scripted ? " (scripted)" : "")}; peak magnet shortage {(peak?.Shortage ?? 0).ToString("0.00", Invariant)} ({peak?.Country})");
        else if (peak is { Shortage: > 0 })
            Line($"Rare earths{of}: no concession; peak magnet shortage {peak.Shortage.ToString("0.00", Invariant)} ({peak.Country})");
        var detections = results.Months.SelectMany(m => m.Detections).ToList();
        var meanDetections = replications is null ? "" : $"; {over}: {replications.Average(r => r.Detections).ToString("0.0", Invariant)} lots";
        if (detections.Count > 0)
            Line($"Detections{of}: {detections.Count} lots seized ({detections.Sum(d => (long)d.Chips).ToString("N0", Invariant)} chips), " +
                $"{detections.Select(d => d.Shell).Distinct().Count()} shell companies entity-listed{meanDetections}");
        else if (replications is not null && replications.Any(r => r.Detections > 0))
            Line($"Detections{of}: none{meanDetections}");
        Line($"Wrote {string.Join(", ", RunOutputs.Names(results, replications))} to {outDirectory} in {elapsed.TotalSeconds.ToString("0.0", Invariant)} s");
        Line($"Charts and breach trails: open {Path.Combine(outDirectory, Reports.RunReport.FileName)} in a browser (it needs no network).");
    }

    /// <summary>
    /// The answer by breach kind, one line each: how many clusters went beyond the rules and when first, the largest
    /// excess at the end of the run, who holds it and the route that contributed most; then the limit each was held to.
    /// </summary>
    private void BreachesByKind(IReadOnlyList<Model.Agents.ClusterBreach> breaches, string of, string meanBreaches)
    {
        if (breaches.Count == 0)
        {
            Line($"Breaches{of}: none: no linked cluster went beyond what the rules permit its owner{meanBreaches}.");
            return;
        }
        Line($"Breaches{of}: {breaches.Count}{meanBreaches}, by kind (excess: what a cluster holds beyond what the rules permit its owner, at the end of the run)");
        Line($"  {"kind",-20} {"breaches",8} {"first",-7} {"largest excess H100e",20}  {"held by",-40} main route");
        var limits = new List<string>();
        foreach (var kind in Model.Breaches.BreachKind.All)
        {
            var ofKind = breaches.Where(b => b.Kind == kind).ToList();
            var worst = ofKind.OrderByDescending(b => b.EndExcess).ThenBy(b => b.Month).ThenBy(b => b.Site, StringComparer.Ordinal).FirstOrDefault();
            if (worst is null)
            {
                Line($"  {kind,-20} {0,8}");
                continue;
            }
            var (route, via, compute) = worst.EndMainContribution;
            Line($"  {kind,-20} {ofKind.Count,8} {ofKind.Min(b => b.Month),-7} {H100eText(worst.EndExcess.H100e),20}  " +
                $"{$"{worst.Site} ({worst.Owner}, {worst.Country})",-40} {ResultFiles.RouteName(route)}{(via is null ? "" : $" via {via}")}, {H100eText(compute.H100e)} H100e" +
                (worst.DetectedByThen ? " (supplier caught by the breach)" : ""));
            limits.Add($"{kind}: {worst.EndLimitBasis}");
        }
        foreach (var limit in limits) Line($"  limit of the largest {limit}");
    }

    /// <summary>The Monte Carlo estimates, and how to rerun any replication alone.</summary>
    /// <param name="rerun">The command that reruns a replication, given its seed.</param>
    public void MonteCarlo(IReadOnlyList<ReplicationSummary> replications, Func<ulong, string> rerun)
    {
        var mc = MonteCarloSummary.Of(replications);
        console.WriteLine();
        if (mc.Deterministic)
            Line($"Monte Carlo over {mc.Replications:N0} replications: deterministic: every replication gave the same outcomes (replications.csv), " +
                $"so the seeds change nothing measured here and no interval is given; P(at least one breach) = {mc.BreachProbability.ToString("0.000", Invariant)} " +
                $"({mc.ReplicationsWithBreach} with a breach)");
        else
            Line($"Monte Carlo over {mc.Replications:N0} replications: P(at least one breach) = {mc.BreachProbability.ToString("0.000", Invariant)} " +
                $"(95% Wilson interval {mc.BreachProbabilityLower95.ToString("0.000", Invariant)} to {mc.BreachProbabilityUpper95.ToString("0.000", Invariant)}; " +
                $"{mc.ReplicationsWithBreach} with a breach)");
        if (mc.FirstBreachMedian is { } median)
            Line($"First breach month: median {median}, 5th percentile {mc.FirstBreachP5}, 95th percentile {mc.FirstBreachP95}");
        Line($"Largest cluster H100e: median {H100eText(mc.LargestClusterMedian)}, 5th-95th percentile {H100eText(mc.LargestClusterP5)} to {H100eText(mc.LargestClusterP95)}");
        Line("By kind: the probability that some cluster's excess reaches each size by the end of the run " +
            (mc.Deterministic ? "(deterministic: no interval)" : "(95% Wilson interval)") + ", and the median first month");
        Line($"  {"kind",-20} {"excess",-15} {"replications",12} {"probability",11}  {"95% interval",-14}  first (median)");
        foreach (var k in mc.Kinds)
            Line($"  {k.Kind,-20} {(k.ThresholdH100e is { } t ? $">= {Model.Breaches.BreachThresholds.Number(t)} H100e" : "any"),-15} {$"{k.Reached} of {k.Replications}",12} " +
                $"{k.Probability.ToString("0.000", Invariant),11}  {(mc.Deterministic ? "deterministic" : $"{k.Lower95.ToString("0.000", Invariant)} to {k.Upper95.ToString("0.000", Invariant)}"),-14}  " +
                $"{k.FirstMonthMedian?.ToString() ?? "never"}");
        var example = replications.OrderBy(r => r.Replication).Skip(1).FirstOrDefault() ?? replications[0];
        Line($"Each replication reruns alone with its seed from {ResultFiles.ReplicationsCsv}, for example replication {example.Replication}:");
        Line($"  {rerun(example.Seed)}");
    }

    private void Line(string text) => console.WriteLine(TerminalText.Safe(text));

    internal static string Describe(Model.Regimes.RegimeRule rule) =>
        rule.Reason + (rule.From, rule.Until) switch
        {
            (null, null) => "",
            ({ } from, null) => $" from {from}",
            (null, { } until) => $" until {until}",
            ({ } from, { } until) when from == until => $" in {from}",
            ({ } from, { } until) => $" {from} to {until}",
        };

    private static string Count(int count, string one, string many) => $"{count.ToString("N0", Invariant)} {(count == 1 ? one : many)}";

    private static string Chips(Flow flow) => flow.Chips.ToString("N0", Invariant);

}
