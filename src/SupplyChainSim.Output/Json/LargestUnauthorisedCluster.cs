using SupplyChainSim.Model.Agents;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Output.Json;

/// <summary>The cluster that held the most beyond the rules in any month, with the lawful compute beside it.</summary>
internal sealed record LargestUnauthorisedCluster(
    YearMonth Month, string Site, string Owner, string Country, string Kind, double ExcessH100e, double LawfulH100e, double LinkedClusterH100e,
    RouteContribution MainContribution)
{
    /// <summary>The largest excess of the run (the earliest month of a tie); null when no cluster went beyond the rules.</summary>
    public static LargestUnauthorisedCluster? Of(RunResults results)
    {
        var (month, cluster) = results.Months.Select(m => (m.Month, Cluster: m.LargestUnauthorised)).Where(u => u.Cluster is not null)
            .OrderByDescending(u => u.Cluster!.Excess).ThenBy(u => u.Month).FirstOrDefault();
        return cluster is null ? null : new(month, cluster.Site, cluster.Owner, cluster.Country, cluster.Kind, ResultFiles.H100e(cluster.Excess),
            ResultFiles.H100e(cluster.Lawful), ResultFiles.H100e(cluster.LinkedCluster), RouteContribution.Of(ClusterBreach.MainContributionOf(cluster.Acquisitions)));
    }
}
