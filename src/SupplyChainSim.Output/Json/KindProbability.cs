using SupplyChainSim.Model.MonteCarlo;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Output.Json;

/// <summary>How likely a breach kind is (at any size when the threshold is null), with its interval and median first month.</summary>
internal sealed record KindProbability(
    string Kind, double? ThresholdH100e, int ReplicationsReached, double Probability, double Lower95, double Upper95, YearMonth? FirstMonthMedian)
{
    public static KindProbability Of(KindEstimate estimate) => new(estimate.Kind, estimate.ThresholdH100e, estimate.Reached,
        MonteCarloEstimates.Round(estimate.Probability), MonteCarloEstimates.Round(estimate.Lower95), MonteCarloEstimates.Round(estimate.Upper95),
        estimate.FirstMonthMedian);
}
