using SupplyChainSim.Model.Simulation;

namespace SupplyChainSim.Model.Agents;

/// <summary>A block of agents that order chips: data centres and intermediaries place their orders alike.</summary>
public interface IBuyerBlock
{
    /// <summary>The orders of the block's agents that are due this month, and when the block next has something to do.</summary>
    OrdersReply PlaceOrders(MonthContext now, SimulationContext context);
}
