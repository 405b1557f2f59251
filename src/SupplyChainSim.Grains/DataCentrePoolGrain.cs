using SupplyChainSim.Grains.Abstractions;
using SupplyChainSim.Model.Agents;

namespace SupplyChainSim.Grains;

/// <summary>Generated data centres of one country, pooled: one grain call a month for up to a block's worth of sites.</summary>
public sealed class DataCentrePoolGrain([PersistentState("datacentres")] IPersistentState<AgentState<DataCentreBlock>> storage, RunContexts contexts, IOptions<RunDurabilityOptions> durability)
    : DataCentreHostGrain(storage, contexts, durability), IDataCentrePoolGrain
{
    public Task<DataCentreBlockView?> GetState() => Task.FromResult(Held?.View());
}
