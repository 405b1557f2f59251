using SupplyChainSim.Model.Agents;

namespace SupplyChainSim.Grains.Abstractions;

/// <summary>A data centre on its own (<c>&lt;run&gt;/datacentre/&lt;id&gt;</c>): every one a scenario lists by name.</summary>
[Alias("scs.datacentre")]
public interface IDataCentreGrain : IAgentGrain<DataCentreBlock>
{
    /// <summary>For the dashboard's grain-state view: the site's chips by acquisition and its cluster against what is permitted.</summary>
    [Alias("state")]
    Task<DataCentreView?> GetState();
}
