using SupplyChainSim.Model.Trade;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Agents;

public sealed record PendingLot(YearMonth Arrives, Lot Lot);
