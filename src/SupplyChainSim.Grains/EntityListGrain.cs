using SupplyChainSim.Grains.Abstractions;
using SupplyChainSim.Model.Agents;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Grains;

/// <summary>The run's Entity List: the model's <see cref="EntityList"/> in a grain.</summary>
public sealed class EntityListGrain([PersistentState("entity-list")] IPersistentState<AgentState<EntityList>> storage, RunContexts contexts, IOptions<RunDurabilityOptions> durability)
    : CheckpointedGrain<EntityList>(storage, contexts, durability), IEntityListGrain
{
    public Task Initialise(string run) => Hold(run, _ => new EntityList());

    public Task<Immutable<IReadOnlyList<string>>> ListedAmong(Immutable<IReadOnlyList<string>> consignees) =>
        Task.FromResult(Agent.ListedAmong(consignees.Value).AsImmutable());

    public Task<Immutable<IReadOnlyList<string>>> Enforce(YearMonth month, Immutable<IReadOnlyList<Detection>> detections, Immutable<IReadOnlyList<string>> suppliers)
    {
        Agent.Enforce(detections.Value);
        return Task.FromResult(Agent.CaughtBy(month, suppliers.Value).AsImmutable());
    }

    public Task<EntityListView?> GetState() => Task.FromResult(Held?.View());
}
