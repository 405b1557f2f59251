using SupplyChainSim.Model.Agents;

namespace SupplyChainSim.Grains.Abstractions;

/// <summary>A smuggling intermediary on its own (<c>&lt;run&gt;/intermediary/&lt;id&gt;</c>): every one a scenario lists by name.</summary>
[Alias("scs.intermediary")]
public interface IIntermediaryGrain : IAgentGrain<IntermediaryBlock>
{
    /// <summary>For the dashboard's grain-state view: its shells (what they bought, whether listed) and the lots in its hub.</summary>
    [Alias("state")]
    Task<IntermediaryView?> GetState();
}
