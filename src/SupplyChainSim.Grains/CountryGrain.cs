using SupplyChainSim.Grains.Abstractions;
using SupplyChainSim.Model.Agents;

namespace SupplyChainSim.Grains;

public sealed class CountryGrain([PersistentState("country")] IPersistentState<AgentState<CountryAgent>> storage, RunContexts contexts)
    : AgentGrain<CountryAgent>(storage, contexts), ICountryGrain
{
    public Task<CountryView?> GetState() => Task.FromResult(Held?.View());
}
