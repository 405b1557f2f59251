using SupplyChainSim.Grains.Abstractions;
using SupplyChainSim.Model.Agents;

namespace SupplyChainSim.Grains;

/// <summary>Generated intermediaries of one hub, pooled.</summary>
public sealed class IntermediaryPoolGrain([PersistentState("intermediaries")] IPersistentState<AgentState<IntermediaryBlock>> storage, RunContexts contexts, IOptions<RunDurabilityOptions> durability)
    : CheckpointedGrain<IntermediaryBlock>(storage, contexts, durability), IIntermediaryPoolGrain
{
    public Task<IntermediaryBlockView?> GetState() => Task.FromResult(Held?.View());
}
