using System.Text.Json.Serialization;
using SupplyChainSim.Model.Breaches;
using SupplyChainSim.Model.MonteCarlo;
using SupplyChainSim.Model.Regimes;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Trade;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Output.Json;

/// <summary>
/// summary.json: the run's answer in one object. Every key is always present (null where there is nothing), so that a
/// script can read any run the same way; the monteCarlo object only with replications.
/// </summary>
internal sealed record SummaryFile(
    string Tool, string Version, string Scenario, string Description, ulong Seed, YearMonth Start, int Months, YearMonth End,
    [property: JsonConverter(typeof(RegimeRulesJsonConverter))] IReadOnlyList<RegimeRule> Regime,
    int Agents, IReadOnlyList<UncertainInputDraw> UncertainInputs, int BreachCount, YearMonth? FirstBreachMonth,
    IReadOnlyDictionary<string, KindAnswer> ByKind, double LargestClusterH100e, string? LargestClusterSite, ShippedTotals Shipped,
    double SmuggledValueUsd, FlowTotal Denied, IReadOnlyDictionary<string, int> LicenceDecisions, double RevenueShareUsd,
    DetectionTotals Detections, LargestUnauthorisedCluster? LargestUnauthorisedCluster, RareEarthTotals RareEarths,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] MonteCarloEstimates? MonteCarlo)
{
    public static SummaryFile Of(RunResults results, IReadOnlyList<ReplicationSummary>? replications)
    {
        var info = results.Info;
        var breaches = results.Breaches.ToList();
        var largest = results.Months.OrderByDescending(m => m.LargestCluster).ThenBy(m => m.Month).FirstOrDefault();
        FlowTotal Total(Func<MonthReport, Flow> flow) => FlowTotal.Of(results.Months.Aggregate(Flow.None, (sum, m) => sum + flow(m)));
        return new("supplychainsim", ResultFiles.ToolVersion, info.Scenario, info.Description, info.Seed, info.Start, info.Months,
            info.Start.AddMonths(info.Months - 1), info.Regime.Rules, info.Agents, [.. info.Draws.Select(d => new UncertainInputDraw(d.Path, d.Value))],
            breaches.Count, breaches.Count > 0 ? breaches.Min(b => b.Month) : null,
            new OrderedDictionary<string, KindAnswer>(BreachKind.All.Select(kind => KeyValuePair.Create(kind, KindAnswer.Of(kind, results, breaches)))),
            ResultFiles.H100e(largest?.LargestCluster ?? Tpp.Zero), largest?.LargestClusterSite,
            new(Total(m => m.Licensed), Total(m => m.Exempt), Total(m => m.Smuggled)), Math.Round(results.Months.Sum(m => m.SmuggledValueUsd), 2),
            Total(m => m.Denied), LicenceDecisionCounts(results), Math.Round(results.Months.Sum(m => m.Licensing.RevenueShareUsd), 2),
            DetectionTotals.Of(results), Json.LargestUnauthorisedCluster.Of(results), RareEarthTotals.Of(results),
            replications is null ? null : MonteCarloEstimates.Of(replications));
    }

    /// <summary>How many licence decisions had each outcome, every outcome named.</summary>
    private static OrderedDictionary<string, int> LicenceDecisionCounts(RunResults results) =>
        new(Enum.GetValues<LicenceOutcome>().Select(outcome => KeyValuePair.Create(ResultFiles.OutcomeName(outcome), results.Months.Sum(m => m.Licensing.Count(outcome)))));
}
