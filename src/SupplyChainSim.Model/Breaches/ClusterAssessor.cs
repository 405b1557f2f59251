using SupplyChainSim.Model.Regimes;
using SupplyChainSim.Model.Regimes.Rules;
using SupplyChainSim.Model.Trade;
using SupplyChainSim.Model.Units;
using static SupplyChainSim.Model.Units.H100eDisplay;

namespace SupplyChainSim.Model.Breaches;

/// <summary>
/// Holds a linked cluster against each breach kind. The limits come from the rules themselves: the rule that would
/// have denied a diverted lot, the per-consignee exemption each lot was exported under (in force in the month it
/// was exported, even if rescinded since), and the no-clustering condition a lot carried.
/// </summary>
public static class ClusterAssessor
{
    /// <summary>Every kind that counts some of the cluster's compute, with its excess (which may be zero).</summary>
    public static IReadOnlyList<KindAssessment> Assess(LinkedCluster cluster, IReadOnlyList<RegimeRule> rules)
    {
        var found = new List<KindAssessment>(BreachKind.All.Count);
        if (UnlawfulCompute(cluster) is { } unlawful) found.Add(unlawful);
        if (PiecemealExemption(cluster, rules) is { } piecemeal) found.Add(piecemeal);
        if (NoClustering(cluster, rules) is { } noClustering) found.Add(noClustering);
        return found;
    }

    /// <summary>Diverted chips the regime would not have sent this holder: all of it is beyond the rules.</summary>
    public static KindAssessment? UnlawfulCompute(LinkedCluster cluster)
    {
        var unlawful = cluster.Acquisitions.Where(a => a.Unlawful).ToList();
        if (unlawful.Count == 0) return null;
        var rules = string.Join("; ", unlawful.Select(a => a.DeniedDirectlyBy!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        return new KindAssessment(BreachKind.UnlawfulCompute, Tpp.Sum(unlawful.Select(a => a.Compute)), Tpp.Zero,
            $"{rules} (no diverted compute permitted)", unlawful);
    }

    /// <summary>
    /// Compute exported licence-free under a per-consignee exemption, against what one consignee could have taken
    /// under it: shells' purchases funnelled to the owner count with the basis they were exported under.
    /// </summary>
    public static KindAssessment? PiecemealExemption(LinkedCluster cluster, IReadOnlyList<RegimeRule> rules)
    {
        // Grouped by the rule object in order of first use (a large cluster is assessed every month it grows, so no
        // LINQ grouping that hashes the rule record): a cluster's acquisitions were exported under one or two rules.
        var exemptions = rules.Where(r => r is IConsigneeExemption).ToList();
        var byRule = new List<(IConsigneeExemption Rule, List<Acquisition> Acquisitions)>();
        foreach (var acquisition in cluster.Acquisitions)
        {
            if (acquisition.Unlawful || RuleExportedUnder<IConsigneeExemption>(acquisition, exemptions) is not { } rule) continue;
            var group = byRule.FindIndex(g => ReferenceEquals(g.Rule, rule));
            if (group < 0) byRule.Add((rule, [acquisition]));
            else byRule[group].Acquisitions.Add(acquisition);
        }
        if (byRule.Count == 0) return null;
        var permitted = Tpp.Zero;
        var bases = new List<string>(byRule.Count);
        foreach (var (rule, acquisitions) in byRule)
        {
            var (limit, basis) = rule.ConsigneeLimit(acquisitions);
            permitted += limit;
            bases.Add(basis);
        }
        var counted = Acquisition.ByMonth(byRule.SelectMany(g => g.Acquisitions));
        return new KindAssessment(BreachKind.PiecemealExemption, Tpp.Sum(counted.Select(a => a.Compute)), permitted, string.Join("; ", bases), counted);
    }

    /// <summary>
    /// Chips that came with a no-clustering condition and are linked anyway (the owner does not run the software, or
    /// got round it): the part of them that sits in the cluster beyond the condition's limit is unauthorised.
    /// </summary>
    public static KindAssessment? NoClustering(LinkedCluster cluster, IReadOnlyList<RegimeRule> rules)
    {
        var conditioned = cluster.Acquisitions.Where(a => a.NoClustering && !a.Unlawful).ToList();
        var limits = conditioned.Select(a => rules.OfType<ExemptionConditions>()
                .Where(r => r.NoClustering && r.NoClusteringLimitH100e is not null && r.InForce(a.Exported))
                .Select(r => (Tpp?)Tpp.FromH100e(r.NoClusteringLimitH100e!.Value)).Min())
            .Where(l => l is not null).Select(l => l!.Value).ToList();
        if (limits.Count == 0) return null;
        var limit = limits.Min();
        var beyond = cluster.Compute > limit ? cluster.Compute - limit : Tpp.Zero;
        var conditionedCompute = Tpp.Sum(conditioned.Select(a => a.Compute));
        var excess = beyond < conditionedCompute ? beyond : conditionedCompute;
        return new KindAssessment(BreachKind.NoClustering, cluster.Compute, cluster.Compute - excess,
            $"exemption-conditions: no-clustering limit of {H100eText(limit)} H100e", cluster.Acquisitions);
    }

    /// <summary>The rule of kind <typeparamref name="T"/> an acquisition was exported under, in force when it was exported.</summary>
    private static T? RuleExportedUnder<T>(Acquisition acquisition, IReadOnlyList<RegimeRule> rules) where T : class
    {
        foreach (var rule in rules)
            if (rule is T match && rule.Id == acquisition.ExportedUnder && rule.InForce(acquisition.Exported)) return match;
        return null;
    }

}
