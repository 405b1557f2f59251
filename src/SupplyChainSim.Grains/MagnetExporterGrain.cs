using SupplyChainSim.Grains.Abstractions;
using SupplyChainSim.Model.Agents;
using SupplyChainSim.Model.RareEarths;

namespace SupplyChainSim.Grains;

/// <summary>The magnet exporter and the trade it controls: the model's <see cref="RareEarthMarket"/> in a grain.</summary>
public sealed class MagnetExporterGrain([PersistentState("magnets")] IPersistentState<AgentState<RareEarthMarket>> storage, RunContexts contexts, IOptions<RunDurabilityOptions> durability)
    : CheckpointedGrain<RareEarthMarket>(storage, contexts, durability), IMagnetExporterGrain
{
    public Task<MagnetExporterView?> GetState() => Task.FromResult(Held?.View(Context.RareEarths));
}
