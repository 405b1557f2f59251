using SupplyChainSim.Model.Trade;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Agents;

/// <summary>
/// A linked cluster that went beyond what the rules permit its owner, of one kind (<see cref="Breaches.BreachKind"/>),
/// recorded in the month it first did, with the acquisitions that kind counts: their H100e add up exactly to
/// <see cref="Cluster"/>. The end-of-run position shows how far it grew afterwards.
/// </summary>
/// <param name="ClusterKey">The linked cluster's identity for the whole run (the site, or owner@country).</param>
/// <param name="Cluster">The compute the kind counts: the unlawful chips alone, the exempt chips, or the whole linked cluster.</param>
/// <param name="LimitBasis">The rule and figure that set <paramref name="Permitted"/>.</param>
public sealed record ClusterBreach(
    YearMonth Month,
    string Kind,
    string ClusterKey,
    string Site,
    string Owner,
    string Country,
    Tpp Cluster,
    Tpp Permitted,
    string LimitBasis,
    IReadOnlyList<Acquisition> Acquisitions)
{
    public Tpp Excess => Cluster - Permitted;

    /// <summary>Everything the owner had linked into the cluster that month, lawful chips included.</summary>
    public Tpp LinkedCluster { get; init; }

    /// <summary>Every site linked into the cluster (one unless the owner links its sites).</summary>
    public IReadOnlyList<string> Sites { get; init; } = [];

    /// <summary>Whether this is the owner's first breach (of any kind).</summary>
    public bool FirstForOwner { get; init; }

    /// <summary>Whether any intermediary that supplied the cluster had been caught by the breach month.</summary>
    public bool DetectedByThen { get; init; }

    /// <summary>What this kind counted in the cluster at the end of the run.</summary>
    public Tpp EndCluster { get; init; }

    /// <summary>The excess at the end of the run.</summary>
    public Tpp EndExcess { get; init; }

    /// <summary>The rule and figure that set the limit at the end of the run (an allowance a year: more years, more allowances).</summary>
    public string EndLimitBasis { get; init; } = "";

    /// <summary>The route (and intermediary) that had contributed most by the end of the run.</summary>
    public (Route Route, string? Via, Tpp Compute) EndMainContribution { get; init; }

    /// <summary>The route (and intermediary) that contributed the most H100e to what made the cluster unauthorised.</summary>
    public (Route Route, string? Via, Tpp Compute) MainContribution => MainContributionOf(Acquisitions);

    /// <summary>
    /// The largest contribution by route and intermediary, among smuggled acquisitions where there are any (they are
    /// what no rule authorised); otherwise among all of them (exempt chips linked past an exemption's size).
    /// </summary>
    public static (Route Route, string? Via, Tpp Compute) MainContributionOf(IEnumerable<Acquisition> acquisitions) =>
        (acquisitions.Any(a => a.Route == Route.Smuggled) ? acquisitions.Where(a => a.Route == Route.Smuggled) : acquisitions)
            .GroupBy(a => (a.Route, a.Via)).Select(g => (g.Key.Route, g.Key.Via, Compute: Tpp.Sum(g.Select(a => a.Compute))))
            .OrderByDescending(c => c.Compute).ThenBy(c => c.Route).ThenBy(c => c.Via, StringComparer.Ordinal).First();
}
