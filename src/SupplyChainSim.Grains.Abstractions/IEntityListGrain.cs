using SupplyChainSim.Model.Agents;

namespace SupplyChainSim.Grains.Abstractions;

/// <summary>The run's Entity List (<c>&lt;run&gt;/entity-list</c>): shells caught with diverted lots, refused from the month after.</summary>
[Alias("scs.entity-list")]
public interface IEntityListGrain : IAgentGrain<EntityList>
{
    /// <summary>For the dashboard's grain-state view (it calls parameterless getters named GetState).</summary>
    [Alias("state")]
    Task<EntityListView?> GetState();
}
