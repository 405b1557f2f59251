using SupplyChainSim.Model.Agents;

namespace SupplyChainSim.Model.Simulation;

/// <summary>A whole run's record, from which the output files are written.</summary>
public sealed record RunResults(RunInfo Info, IReadOnlyList<MonthReport> Months)
{
    /// <summary>The decisions went to licences.csv as they were made (<see cref="MonthReport.DecisionTally"/>): licences.csv is not rendered from here.</summary>
    public bool DecisionsStreamed => Months.Any(m => m.DecisionTally is not null);

    /// <summary>Where each breached cluster stood at its last assessment (every recorded breach has one).</summary>
    public IReadOnlyList<BreachStanding> EndStandings { get; init; } = [];

    private IReadOnlyList<ClusterBreach>? breaches;

    /// <summary>Every breach in the order recorded, each with where it stood at the end of the run.</summary>
    public IReadOnlyList<ClusterBreach> Breaches => breaches ??= WithEndPositions();

    private List<ClusterBreach> WithEndPositions()
    {
        var last = EndStandings.ToDictionary(s => BreachStanding.KeyOf(s.Kind, s.ClusterKey), StringComparer.Ordinal);
        // Every breach is assessed, and so has a standing, in the month it is recorded.
        return Months.SelectMany(m => m.Breaches).Select(b =>
        {
            var end = last[BreachStanding.KeyOf(b.Kind, b.ClusterKey)];
            return b with
            {
                EndCluster = end.Cluster, EndExcess = end.Excess, EndLimitBasis = end.LimitBasis,
                EndMainContribution = (end.MainRoute, end.MainVia, end.MainCompute),
            };
        }).ToList();
    }
}
