using SupplyChainSim.Model.Trade;

namespace SupplyChainSim.Model.Simulation;

/// <summary>The lots a chipmaker delivered this month, and whether it still has work in hand.</summary>
public sealed record ShipmentsReply(IReadOnlyList<Lot> Lots, bool Busy);
