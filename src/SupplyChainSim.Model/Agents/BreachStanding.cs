using SupplyChainSim.Model.Breaches;
using SupplyChainSim.Model.Trade;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Agents;

/// <summary>Where a breached cluster stands after a month in which it was assessed: for its end-of-run figures.</summary>
public sealed record BreachStanding(string ClusterKey, string Kind, Tpp Cluster, Tpp Excess, string LimitBasis, Route MainRoute, string? MainVia, Tpp MainCompute)
{
    /// <summary>What names a standing: its kind and cluster.</summary>
    public static string KeyOf(string kind, string clusterKey) => $"{kind}|{clusterKey}";

    public static BreachStanding Of(string clusterKey, KindAssessment assessment)
    {
        var (route, via, compute) = ClusterBreach.MainContributionOf(assessment.Acquisitions);
        return new BreachStanding(clusterKey, assessment.Kind, assessment.Counted, assessment.Excess, assessment.LimitBasis, route, via, compute);
    }
}
