using SupplyChainSim.Grains.Abstractions;
using SupplyChainSim.Model.Agents;

namespace SupplyChainSim.Grains;

public sealed class ChipmakerGrain([PersistentState("chipmaker")] IPersistentState<AgentState<Chipmaker>> storage, RunContexts contexts, IOptions<RunDurabilityOptions> durability)
    : CheckpointedGrain<Chipmaker>(storage, contexts, durability), IChipmakerGrain
{
    public Task<ChipmakerView?> GetState() => Task.FromResult(Held?.View());
}
