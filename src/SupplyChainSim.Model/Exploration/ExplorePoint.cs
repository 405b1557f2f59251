using SupplyChainSim.Model.MonteCarlo;

namespace SupplyChainSim.Model.Exploration;

/// <summary>One point of an exploration: the inputs' values there, and its replications' outcomes.</summary>
/// <param name="Index">Its place in the sample (explore.csv's "point").</param>
/// <param name="Values">Each input's value, in the order of the scenario's `uncertainties`.</param>
public sealed record ExplorePoint(int Index, IReadOnlyList<double> Values, IReadOnlyList<ReplicationSummary> Replications)
{
    /// <summary>The Monte Carlo estimates over the point's replications (as `run --replications` makes them).</summary>
    public MonteCarloSummary MonteCarlo { get; } = MonteCarloSummary.Of(Replications);

    /// <summary>Mean over the replications of one kind's largest excess, H100e.</summary>
    public double MaxExcessMean(string kind) => Mean(r => r.Kinds.FirstOrDefault(k => k.Kind == kind)?.MaxExcess.H100e ?? 0);

    public double Mean(Func<ReplicationSummary, double> value) => Replications.Count == 0 ? 0 : Replications.Average(value);
}
