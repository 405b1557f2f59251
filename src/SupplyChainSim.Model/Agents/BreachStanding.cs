using SupplyChainSim.Model.Breaches;
using SupplyChainSim.Model.Trade;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Agents;

/// <summary>Where a breached cluster stands after a month in which it was assessed: for its end-of-run figures.</summary>
public sealed record BreachStanding(string ClusterKey, string Kind, Tpp Cluster, Tpp Excess, string LimitBasis, Route MainRoute, string? MainVia, Tpp MainCompute)
{
    public static BreachStanding Of(string clusterKey, KindAssessment assessment)
    {
        var (route, via, compute) = ClusterBreach.MainContributionOf(assessment.Acquisitions);
        // The limit's text is interned: a cluster is assessed again month after month, mostly against the same limit.
        return new BreachStanding(clusterKey, assessment.Kind, assessment.Counted, assessment.Excess, string.Intern(assessment.LimitBasis), route, via, compute);
    }
}
