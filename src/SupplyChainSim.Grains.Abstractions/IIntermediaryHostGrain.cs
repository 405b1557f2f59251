using SupplyChainSim.Model.Agents;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Worlds;

namespace SupplyChainSim.Grains.Abstractions;

/// <summary>What every grain that hosts smuggling intermediaries does each month: shell purchases, hub warehouses and diversion.</summary>
[Alias("scs.intermediary-host")]
public interface IIntermediaryHostGrain : ICheckpointedGrain
{
    [Alias("init")]
    Task Initialise(Immutable<IntermediaryBlockPlan> plan, string run);

    [Alias("order")]
    Task<Immutable<OrdersReply>> PlaceOrders(Immutable<MonthContext> month);

    [Alias("divert")]
    Task<Immutable<DiversionReply>> Divert(Immutable<MonthContext> month, Immutable<Deliveries> deliveries);
}
