using SupplyChainSim.Model.Agents;
using SupplyChainSim.Model.Simulation;

namespace SupplyChainSim.Model.Phases;

/// <summary>Demand and orders: a block of data centres or intermediaries places the orders that are due.</summary>
public sealed record PlaceOrders(MonthContext Month) : IOperation<IBuyerBlock, OrdersReply>
{
    public OrdersReply ApplyTo(IBuyerBlock block, SimulationContext context) => block.PlaceOrders(Month, context);
}
