using SupplyChainSim.Model.Trade;

namespace SupplyChainSim.Model.Simulation;

/// <summary>The lots a chipmaker delivered this month, whether it still has work in hand, and how many months of orders it holds per chip.</summary>
public sealed record ShipmentsReply(IReadOnlyList<Lot> Lots, bool Busy)
{
    /// <summary>By chip model: the orders in hand after this month's production, in months of its capacity.</summary>
    public IReadOnlyDictionary<string, double> BacklogMonths { get; init; } = new Dictionary<string, double>();
}
