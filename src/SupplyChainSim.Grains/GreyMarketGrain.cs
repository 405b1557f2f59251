using SupplyChainSim.Grains.Abstractions;
using SupplyChainSim.Model.Agents;
using SupplyChainSim.Model.Market;

namespace SupplyChainSim.Grains;

/// <summary>The grey market: the model's <see cref="GreyMarket"/> in a grain.</summary>
public sealed class GreyMarketGrain([PersistentState("grey-market")] IPersistentState<AgentState<GreyMarket>> storage, RunContexts contexts,
    IOptions<RunDurabilityOptions> durability) : CheckpointedGrain<GreyMarket>(storage, contexts, durability), IGreyMarketGrain
{
    public Task<GreyMarketView?> GetState() => Task.FromResult(Held?.View());
}
