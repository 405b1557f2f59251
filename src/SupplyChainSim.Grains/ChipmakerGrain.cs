using SupplyChainSim.Grains.Abstractions;
using SupplyChainSim.Model.Agents;
using SupplyChainSim.Model.Regimes;
using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Model.Simulation;

namespace SupplyChainSim.Grains;

public sealed class ChipmakerGrain([PersistentState("chipmaker")] IPersistentState<AgentState<Chipmaker>> storage, RunContexts contexts, IOptions<RunDurabilityOptions> durability)
    : CheckpointedGrain<Chipmaker>(storage, contexts, durability), IChipmakerGrain
{
    public Task Initialise(Immutable<ChipmakerSpec> spec, string run) => Hold(run, _ => new Chipmaker { Spec = spec.Value });

    public Task<Immutable<ShipmentsReply>> Ship(Immutable<MonthContext> month, Immutable<IReadOnlyList<LicenceDecision>> approved)
    {
        var lots = Agent.TakeOrdersAndShip(month.Value.Month, approved.Value, month.Value.ProductionFactor.GetValueOrDefault(Agent.Spec.Country, 1));
        return Task.FromResult(new ShipmentsReply(lots, Agent.Busy).AsImmutable());
    }

    public Task<ChipmakerView?> GetState() => Task.FromResult(Held?.View());
}
