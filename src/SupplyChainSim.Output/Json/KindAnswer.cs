using SupplyChainSim.Model.Agents;
using SupplyChainSim.Model.MonteCarlo;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Output.Json;

/// <summary>
/// summary.json's answer for one breach kind: how many clusters breached and when first, the largest excess any reached
/// (and where, under which limit, by which route), and the first month some cluster reached each threshold.
/// </summary>
internal sealed record KindAnswer(
    int Breaches, YearMonth? FirstMonth, double LargestExcessH100e, string? LargestAt, string? LimitBasis, RouteContribution? MainContribution,
    IReadOnlyList<ThresholdFirstMonth> Thresholds)
{
    public static KindAnswer Of(string kind, RunResults results, IReadOnlyList<ClusterBreach> breaches)
    {
        var outcome = KindOutcome.Of(kind, results);
        var ofKind = breaches.Where(b => b.Kind == kind).ToList();
        var largest = ofKind.OrderByDescending(b => b.EndExcess).ThenBy(b => b.Month).ThenBy(b => b.Site, StringComparer.Ordinal).FirstOrDefault();
        return new(ofKind.Count, outcome.FirstBreach, ResultFiles.H100e(outcome.MaxExcess),
            largest is null ? null : $"{largest.Site} ({largest.Owner}, {largest.Country})", largest?.EndLimitBasis,
            largest is null ? null : RouteContribution.Of(largest.EndMainContribution),
            [.. outcome.Thresholds.Select(t => new ThresholdFirstMonth(t.ThresholdH100e, t.FirstMonth))]);
    }
}
