using SupplyChainSim.Model.Trade;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Agents;

/// <summary>What a block of data centres ordered this month, and when it next wants to order.</summary>
public sealed record OrdersReply(IReadOnlyList<Order> Orders, YearMonth? NextWake);
