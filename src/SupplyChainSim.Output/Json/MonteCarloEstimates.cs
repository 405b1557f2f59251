using SupplyChainSim.Model.MonteCarlo;

namespace SupplyChainSim.Output.Json;

/// <summary>summary.json's monteCarlo object: the estimates over every replication, to four decimals.</summary>
/// <param name="Deterministic">Every replication gave the same outcomes: the intervals are then not an estimate of anything.</param>
internal sealed record MonteCarloEstimates(
    int Replications, int ReplicationsWithBreach, bool Deterministic, ProbabilityInterval BreachProbability, MonthPercentiles FirstBreachMonth,
    H100ePercentiles LargestClusterH100e, H100eUpperPercentiles LargestUnauthorisedH100e, double SmuggledH100eMean, KeptOutTotals? KeptOutMean,
    IReadOnlyList<KindProbability> ByKind)
{
    public static MonteCarloEstimates Of(IReadOnlyList<ReplicationSummary> replications)
    {
        var mc = MonteCarloSummary.Of(replications);
        return new(mc.Replications, mc.ReplicationsWithBreach, mc.Deterministic,
            new(Round(mc.BreachProbability), Round(mc.BreachProbabilityLower95), Round(mc.BreachProbabilityUpper95), "Wilson score, 95%"),
            new(mc.FirstBreachP5, mc.FirstBreachMedian, mc.FirstBreachP95),
            new(Round(mc.LargestClusterP5), Round(mc.LargestClusterMedian), Round(mc.LargestClusterP95)),
            new(Round(mc.LargestUnauthorisedClusterMedian), Round(mc.LargestUnauthorisedClusterP95)),
            Round(mc.SmuggledH100eMean), KeptOutTotals.Of(mc.KeptOutMean), [.. mc.Kinds.Select(KindProbability.Of)]);
    }

    public static double Round(double value) => Math.Round(value, 4, MidpointRounding.AwayFromZero);
}
