using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Agents;

/// <summary>A block's totals: installed compute, its largest cluster, and its clusters beyond the rules.</summary>
public sealed record BlockSummary(Tpp Installed, Tpp LargestCluster, string? LargestClusterSite, UnauthorisedCluster? LargestUnauthorised)
{
    /// <summary>For each kind with any excess, the largest excess and the cluster that has it.</summary>
    public IReadOnlyList<KindPeak> Peaks { get; init; } = [];

    /// <summary>Unauthorised compute over every cluster: each cluster's largest excess of any kind.</summary>
    public Tpp Unauthorised { get; init; }
}
