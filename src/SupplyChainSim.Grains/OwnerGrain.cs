using SupplyChainSim.Grains.Abstractions;
using SupplyChainSim.Model.Agents;

namespace SupplyChainSim.Grains;

/// <summary>An owner whose network links its sites in one country, with those sites: their cluster is linked here.</summary>
public sealed class OwnerGrain([PersistentState("owner")] IPersistentState<AgentState<DataCentreBlock>> storage, RunContexts contexts, IOptions<RunDurabilityOptions> durability)
    : DataCentreHostGrain(storage, contexts, durability), IOwnerGrain
{
    public Task<OwnerView?> GetState() => Task.FromResult(Shown is { } shown ? shown.Sites.OwnerView(shown.Context) : null);
}
