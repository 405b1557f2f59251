using SupplyChainSim.Grains.Abstractions;
using SupplyChainSim.Model.Agents;
using SupplyChainSim.Model.RareEarths;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Grains;

/// <summary>The magnet exporter and the trade it controls: the model's <see cref="RareEarthMarket"/> in a grain.</summary>
public sealed class MagnetExporterGrain([PersistentState("magnets")] IPersistentState<AgentState<RareEarthMarket>> storage, RunContexts contexts, IOptions<RunDurabilityOptions> durability)
    : CheckpointedGrain<RareEarthMarket>(storage, contexts, durability), IMagnetExporterGrain
{
    public Task Initialise(string run) => Hold(run, context => RareEarthMarket.Create(context.RareEarths));

    public Task<Immutable<RareEarthMonth>> Trade(YearMonth month) => Task.FromResult(Agent.Step(Context.RareEarths, month).AsImmutable());

    public Task<MagnetExporterView?> GetState() => Task.FromResult(Held?.View(Context.RareEarths));
}
