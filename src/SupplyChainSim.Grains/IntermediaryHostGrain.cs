using SupplyChainSim.Model.Agents;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Worlds;

namespace SupplyChainSim.Grains;

/// <summary>Smuggling intermediaries in a grain: the model's <see cref="IntermediaryBlock"/> holds them and runs their rules.</summary>
public abstract class IntermediaryHostGrain(IPersistentState<AgentState<IntermediaryBlock>> storage, RunContexts contexts, IOptions<RunDurabilityOptions> durability)
    : CheckpointedGrain<IntermediaryBlock>(storage, contexts, durability)
{
    public Task Initialise(Immutable<IntermediaryBlockPlan> plan, string run) => Hold(run, plan.Value.Create);

    public Task<Immutable<OrdersReply>> PlaceOrders(Immutable<MonthContext> month) =>
        Task.FromResult(Agent.PlaceOrders(month.Value.Month, Context).AsImmutable());

    public Task<Immutable<DiversionReply>> Divert(Immutable<MonthContext> month, Immutable<Deliveries> deliveries) =>
        Task.FromResult(Agent.ReceiveAndForward(month.Value.Month, Context, deliveries.Value).AsImmutable());
}
