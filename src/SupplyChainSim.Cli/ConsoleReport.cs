using System.Globalization;
using Spectre.Console;
using SupplyChainSim.Model.MonteCarlo;
using SupplyChainSim.Model.Output;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Trade;
using SupplyChainSim.Model.Worlds;

namespace SupplyChainSim.Cli;

/// <summary>What a run prints: a line a month while it runs, then a short summary.</summary>
public sealed class ConsoleReport(IAnsiConsole console)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public void Header(World world, string outDirectory, bool monthLines = true)
    {
        var context = world.Context;
        console.WriteLine($"Scenario {world.ScenarioName}, seed {context.Seed}: {context.Start} to {context.End} ({context.Months} months), " +
            $"regime: {string.Join(", ", context.Regime.Rules.Select(Describe))}");
        console.WriteLine($"World: {Count(world.Chipmakers.Count, "chipmaker", "chipmakers")}, {Count(context.Countries.Countries.Count, "country", "countries")}, " +
            $"{Count(world.DataCentreCount, "data centre", "data centres")}, {Count(world.IntermediaryCount, "intermediary", "intermediaries")}; writing to {outDirectory}");
        console.WriteLine();
        if (monthLines) MonthHeader();
    }

    public void MonthHeader()
    {
        console.WriteLine($"{"month",-7} {"licensed chips",15} {"exempt chips",15} {"smuggled chips",15} {"denied chips",13} {"largest cluster H100e",22} {"breaches",9}");
    }

    public void Month(MonthReport month) =>
        console.WriteLine($"{month.Month,-7} {Chips(month.Licensed),15} {Chips(month.Exempt),15} {Chips(month.Smuggled),15} {Chips(month.Denied),13} " +
            $"{H100e(month.LargestCluster.H100e),22} {month.BreachesSoFar,9}");

    public void Summary(RunResults results, string outDirectory, TimeSpan elapsed, bool withReplications = false)
    {
        Flow Total(Func<MonthReport, Flow> flow) => results.Months.Aggregate(Flow.None, (sum, m) => sum + flow(m));
        var breaches = results.Breaches.ToList();
        var largest = results.Months.MaxBy(m => m.LargestCluster);

        var table = new Table().Border(TableBorder.Rounded).Title("[bold]Summary[/]");
        table.AddColumn("");
        table.AddColumn(new TableColumn("chips").RightAligned());
        table.AddColumn(new TableColumn("H100e").RightAligned());
        foreach (var (name, flow) in new[] { ("licensed", Total(m => m.Licensed)), ("exempt", Total(m => m.Exempt)), ("smuggled", Total(m => m.Smuggled)), ("denied", Total(m => m.Denied)) })
            table.AddRow(name, Chips(flow), H100e(flow.Compute.H100e));
        console.WriteLine();
        console.Write(table);

        if (largest?.LargestClusterSite is { } site)
            console.WriteLine($"Largest cluster: {H100e(largest.LargestCluster.H100e)} H100e at {site}");
        BreachesByKind(breaches);
        var unauthorised = results.Months.Select(m => m.LargestUnauthorised).Where(u => u is not null).MaxBy(u => u!.Excess);
        if (unauthorised is not null)
        {
            var (route, via, compute) = Model.Agents.ClusterBreach.MainContributionOf(unauthorised.Acquisitions);
            console.WriteLine($"Largest unauthorised cluster: {H100e(unauthorised.Excess.H100e)} H100e beyond the rules ({unauthorised.Kind}) at {unauthorised.Site} " +
                $"(owner {unauthorised.Owner}, {unauthorised.Country}), beside {H100e(unauthorised.Lawful.H100e)} H100e the rules permit; " +
                $"main route: {ResultFiles.RouteName(route)}{(via is null ? "" : $" via {via}")}, {H100e(compute.H100e)} H100e");
        }
        var concession = results.Months.SelectMany(m => m.RareEarths.Events).FirstOrDefault(e => e.Type == "concession-accepted");
        var peak = results.Months.SelectMany(m => m.RareEarths.Importers).MaxBy(i => i.Shortage);
        if (concession?.Terms is { } terms)
            console.WriteLine($"Rare earths: {terms.OfferedBy} conceded {string.Join(", ", terms.ChipModels)} licences to {terms.AcceptedBy} in {concession.Month}" +
                $"{(concession.Scripted ? " (scripted)" : "")}; peak magnet shortage {(peak?.Shortage ?? 0).ToString("0.00", Invariant)} ({peak?.Country})");
        else if (peak is { Shortage: > 0 })
            console.WriteLine($"Rare earths: no concession; peak magnet shortage {peak.Shortage.ToString("0.00", Invariant)} ({peak.Country})");
        var detections = results.Months.SelectMany(m => m.Detections).ToList();
        if (detections.Count > 0)
            console.WriteLine($"Detections: {detections.Count} lots seized ({detections.Sum(d => (long)d.Chips).ToString("N0", Invariant)} chips), " +
                $"{detections.Select(d => d.Shell).Distinct().Count()} shell companies entity-listed");
        console.WriteLine($"Wrote {string.Join(", ", RunOutputs.Names(withReplications))} to {outDirectory} in {elapsed.TotalSeconds.ToString("0.0", Invariant)} s");
        console.WriteLine($"Charts and breach trails: open {Path.Combine(outDirectory, Reports.RunReport.FileName)} in a browser (it needs no network).");
    }

    /// <summary>
    /// The answer by breach kind, one line each: how many clusters went beyond the rules and when first, the largest
    /// excess at the end of the run, who holds it and the route that contributed most; then the limit each was held to.
    /// </summary>
    private void BreachesByKind(IReadOnlyList<Model.Agents.ClusterBreach> breaches)
    {
        if (breaches.Count == 0)
        {
            console.WriteLine("Breaches: none: no linked cluster went beyond what the rules permit its owner.");
            return;
        }
        console.WriteLine($"Breaches: {breaches.Count}, by kind (excess: what a cluster holds beyond what the rules permit its owner, at the end of the run)");
        console.WriteLine($"  {"kind",-20} {"breaches",8} {"first",-7} {"largest excess H100e",20}  {"held by",-40} main route");
        var limits = new List<string>();
        foreach (var kind in Model.Breaches.BreachKind.All)
        {
            var ofKind = breaches.Where(b => b.Kind == kind).ToList();
            var worst = ofKind.OrderByDescending(b => b.EndExcess).ThenBy(b => b.Month).ThenBy(b => b.Site, StringComparer.Ordinal).FirstOrDefault();
            if (worst is null)
            {
                console.WriteLine($"  {kind,-20} {0,8}");
                continue;
            }
            var (route, via, compute) = worst.EndMainContribution;
            console.WriteLine($"  {kind,-20} {ofKind.Count,8} {ofKind.Min(b => b.Month),-7} {H100e(worst.EndExcess.H100e),20}  " +
                $"{$"{worst.Site} ({worst.Owner}, {worst.Country})",-40} {ResultFiles.RouteName(route)}{(via is null ? "" : $" via {via}")}, {H100e(compute.H100e)} H100e" +
                (worst.DetectedByThen ? " (supplier caught by the breach)" : ""));
            limits.Add($"{kind}: {worst.EndLimitBasis}");
        }
        foreach (var limit in limits) console.WriteLine($"  limit of the largest {limit}");
    }

    /// <summary>The Monte Carlo estimates, and how to rerun any replication alone.</summary>
    public void MonteCarlo(IReadOnlyList<ReplicationSummary> replications, string scenario)
    {
        var mc = MonteCarloSummary.Of(replications);
        console.WriteLine();
        console.WriteLine($"Monte Carlo over {mc.Replications:N0} replications: P(at least one breach) = {mc.BreachProbability.ToString("0.000", Invariant)} " +
            $"(95% Wilson interval {mc.BreachProbabilityLower95.ToString("0.000", Invariant)} to {mc.BreachProbabilityUpper95.ToString("0.000", Invariant)}; " +
            $"{mc.ReplicationsWithBreach} with a breach)");
        if (mc.FirstBreachMedian is { } median)
            console.WriteLine($"First breach month: median {median}, 5th percentile {mc.FirstBreachP5}, 95th percentile {mc.FirstBreachP95}");
        console.WriteLine($"Largest cluster H100e: median {H100e(mc.LargestClusterMedian)}, 5th-95th percentile {H100e(mc.LargestClusterP5)} to {H100e(mc.LargestClusterP95)}");
        var example = replications.OrderBy(r => r.Replication).Skip(1).FirstOrDefault() ?? replications[0];
        console.WriteLine($"Each replication reruns alone with its seed from {ResultFiles.ReplicationsCsv}, for example replication {example.Replication}: " +
            $"supplychainsim run {Path.GetRelativePath(Environment.CurrentDirectory, scenario)} --seed {example.Seed}");
    }

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

    private static string H100e(double value) => value.ToString("N1", Invariant);
}
