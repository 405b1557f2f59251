using SupplyChainSim.Model.Agents;
using SupplyChainSim.Model.Market;

namespace SupplyChainSim.Grains.Abstractions;

/// <summary>The grey market of the restricted destinations (<c>&lt;run&gt;/grey-market</c>): its prices, and the networks that may form.</summary>
[Alias("scs.grey-market")]
public interface IGreyMarketGrain : IAgentGrain<GreyMarket>
{
    /// <summary>For the dashboard's grain-state view (it calls parameterless getters named GetState).</summary>
    [Alias("state")]
    Task<GreyMarketView?> GetState();
}
