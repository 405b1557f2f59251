using SupplyChainSim.Model.Agents;

namespace SupplyChainSim.Grains.Abstractions;

/// <summary>
/// Generated data centres of one country, pooled (<c>&lt;run&gt;/datacentres/&lt;country&gt;/&lt;n&gt;</c>): a grain call per
/// site per month would dominate the run time of a large world.
/// </summary>
[Alias("scs.datacentre-pool")]
public interface IDataCentrePoolGrain : IAgentGrain<DataCentreBlock>
{
    /// <summary>For the dashboard's grain-state view (it calls parameterless getters named GetState).</summary>
    [Alias("state")]
    Task<DataCentreBlockView?> GetState();
}
