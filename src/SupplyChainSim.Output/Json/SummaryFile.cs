using System.Text.Json.Serialization;
using SupplyChainSim.Model.Breaches;
using SupplyChainSim.Model.MonteCarlo;
using SupplyChainSim.Model.Regimes;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Output.Json;

/// <summary>
/// summary.json: the run's answer in one object. Every key is always present (null where there is nothing), so that a
/// script can read any run the same way (keptOut is null in a world without a grey market); the monteCarlo object only
/// with replications.
/// </summary>
internal sealed record SummaryFile(
    string Tool, string Version, string Scenario, string Description, ulong Seed, YearMonth Start, int Months, YearMonth End,
    [property: JsonConverter(typeof(RegimeRulesJsonConverter))] IReadOnlyList<RegimeRule> Regime,
    int Agents, IReadOnlyList<UncertainInputDraw> UncertainInputs, int BreachCount, YearMonth? FirstBreachMonth,
    IReadOnlyDictionary<string, KindAnswer> ByKind, double LargestClusterH100e, string? LargestClusterSite, ShippedTotals Shipped,
    double SmuggledValueUsd, KeptOutTotals? KeptOut, FlowTotal Denied, IReadOnlyDictionary<string, int> LicenceDecisions, double RevenueShareUsd,
    DetectionTotals Detections, LargestUnauthorisedCluster? LargestUnauthorisedCluster, RareEarthTotals RareEarths,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] MonteCarloEstimates? MonteCarlo)
{
    public static SummaryFile Of(RunResults results, IReadOnlyList<ReplicationSummary>? replications)
    {
        var info = results.Info;
        var breaches = results.Breaches.ToList();
        var largest = results.Months.OrderByDescending(m => m.LargestCluster).ThenBy(m => m.Month).FirstOrDefault();
        return new(
            Tool: "supplychainsim", Version: ResultFiles.ToolVersion, Scenario: info.Scenario, Description: info.Description, Seed: info.Seed,
            Start: info.Start, Months: info.Months, End: info.Start.AddMonths(info.Months - 1), Regime: info.Regime.Rules, Agents: info.Agents,
            UncertainInputs: [.. info.Draws.Select(d => new UncertainInputDraw(d.Path, d.Value))],
            BreachCount: breaches.Count, FirstBreachMonth: breaches.Count > 0 ? breaches.Min(b => b.Month) : null,
            ByKind: new OrderedDictionary<string, KindAnswer>(BreachKind.All.Select(kind => KeyValuePair.Create(kind, KindAnswer.Of(kind, results, breaches)))),
            LargestClusterH100e: ResultFiles.H100e(largest?.LargestCluster ?? Tpp.Zero), LargestClusterSite: largest?.LargestClusterSite,
            Shipped: new(FlowTotal.Of(results, m => m.Licensed), FlowTotal.Of(results, m => m.Exempt), FlowTotal.Of(results, m => m.Smuggled)),
            SmuggledValueUsd: Math.Round(results.Months.Sum(m => m.SmuggledValueUsd), 2), KeptOut: KeptOutTotals.Of(Model.Market.KeptOut.Of(results)),
            Denied: FlowTotal.Of(results, m => m.Denied),
            LicenceDecisions: LicenceDecisionCounts(results), RevenueShareUsd: Math.Round(results.Months.Sum(m => m.Licensing.RevenueShareUsd), 2),
            Detections: DetectionTotals.Of(results), LargestUnauthorisedCluster: Json.LargestUnauthorisedCluster.Of(results),
            RareEarths: RareEarthTotals.Of(results), MonteCarlo: replications is null ? null : MonteCarloEstimates.Of(replications));
    }

    /// <summary>How many licence decisions had each outcome, every outcome named.</summary>
    private static OrderedDictionary<string, int> LicenceDecisionCounts(RunResults results) =>
        new(Enum.GetValues<LicenceOutcome>().Select(outcome => KeyValuePair.Create(ResultFiles.OutcomeName(outcome), results.Months.Sum(m => m.Licensing.Count(outcome)))));
}
