using SupplyChainSim.Grains.Abstractions;
using SupplyChainSim.Model.Agents;

namespace SupplyChainSim.Grains;

public sealed class CountryGrain([PersistentState("country")] IPersistentState<AgentState<CountryAgent>> storage, RunContexts contexts, IOptions<RunDurabilityOptions> durability)
    : CheckpointedGrain<CountryAgent>(storage, contexts, durability), ICountryGrain
{
    public Task<CountryView?> GetState() => Task.FromResult(Held?.View());
}
