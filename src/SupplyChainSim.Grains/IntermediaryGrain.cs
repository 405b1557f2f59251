using SupplyChainSim.Grains.Abstractions;
using SupplyChainSim.Model.Agents;

namespace SupplyChainSim.Grains;

/// <summary>A smuggling intermediary the scenario lists by name, alone in its grain.</summary>
public sealed class IntermediaryGrain([PersistentState("intermediary")] IPersistentState<AgentState<IntermediaryBlock>> storage, RunContexts contexts, IOptions<RunDurabilityOptions> durability)
    : CheckpointedGrain<IntermediaryBlock>(storage, contexts, durability), IIntermediaryGrain
{
    public Task<IntermediaryView?> GetState() => Task.FromResult(Held?.Members.Single().View());
}
