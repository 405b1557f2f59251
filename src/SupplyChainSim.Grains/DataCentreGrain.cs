using SupplyChainSim.Grains.Abstractions;
using SupplyChainSim.Model.Agents;

namespace SupplyChainSim.Grains;

/// <summary>A data centre the scenario lists by name, alone in its grain.</summary>
public sealed class DataCentreGrain([PersistentState("datacentre")] IPersistentState<AgentState<DataCentreBlock>> storage, RunContexts contexts, IOptions<RunDurabilityOptions> durability)
    : DataCentreHostGrain(storage, contexts, durability), IDataCentreGrain
{
    public Task<DataCentreView?> GetState() => Task.FromResult(Shown is { } shown ? shown.Sites.SiteView(shown.Context) : null);
}
