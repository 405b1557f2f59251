using SupplyChainSim.Model.Trade;

namespace SupplyChainSim.Model.Agents;

/// <summary>The month's arrivals and refusals for one block of buyers.</summary>
public sealed record Deliveries(IReadOnlyList<Lot> Lots, IReadOnlyList<LicenceDecisionNotice> Denied)
{
    public static readonly Deliveries None = new([], []);
}
