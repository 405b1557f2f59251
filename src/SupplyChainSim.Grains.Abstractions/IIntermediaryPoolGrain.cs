using SupplyChainSim.Model.Agents;

namespace SupplyChainSim.Grains.Abstractions;

/// <summary>Generated intermediaries of one hub, pooled (<c>&lt;run&gt;/intermediaries/&lt;hub&gt;/&lt;n&gt;</c>).</summary>
[Alias("scs.intermediary-pool")]
public interface IIntermediaryPoolGrain : IAgentGrain<IntermediaryBlock>
{
    /// <summary>For the dashboard's grain-state view (it calls parameterless getters named GetState).</summary>
    [Alias("state")]
    Task<IntermediaryBlockView?> GetState();
}
