using SupplyChainSim.Model.Trade;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Agents;

/// <summary>
/// The cluster with the most unauthorised compute: its largest excess (for unlawful compute, the unlawful chips), the
/// kind, the whole linked cluster beside it, and the acquisitions that kind counts.
/// </summary>
public sealed record UnauthorisedCluster(string Site, string Owner, string Country, string Kind, Tpp Excess, Tpp LinkedCluster,
    IReadOnlyList<Acquisition> Acquisitions)
{
    /// <summary>What the rules permit of the linked cluster: everything but the excess.</summary>
    public Tpp Lawful => LinkedCluster - Excess;
}
