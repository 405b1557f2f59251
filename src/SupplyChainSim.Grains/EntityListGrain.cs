using SupplyChainSim.Grains.Abstractions;
using SupplyChainSim.Model.Agents;

namespace SupplyChainSim.Grains;

/// <summary>The run's Entity List: the model's <see cref="EntityList"/> in a grain.</summary>
public sealed class EntityListGrain([PersistentState("entity-list")] IPersistentState<AgentState<EntityList>> storage, RunContexts contexts, IOptions<RunDurabilityOptions> durability)
    : CheckpointedGrain<EntityList>(storage, contexts, durability), IEntityListGrain
{
    public Task<EntityListView?> GetState() => Task.FromResult(Held?.View());
}
