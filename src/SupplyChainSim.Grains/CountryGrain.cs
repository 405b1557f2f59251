using SupplyChainSim.Grains.Abstractions;
using SupplyChainSim.Model.Agents;
using SupplyChainSim.Model.Countries;
using SupplyChainSim.Model.Regimes;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Trade;

namespace SupplyChainSim.Grains;

public sealed class CountryGrain([PersistentState("country")] IPersistentState<AgentState<CountryAgent>> storage, RunContexts contexts, IOptions<RunDurabilityOptions> durability)
    : CheckpointedGrain<CountryAgent>(storage, contexts, durability), ICountryGrain
{
    public Task Initialise(Immutable<CountrySpec> spec, string run) => Hold(run, _ => new CountryAgent { Spec = spec.Value });

    public Task UpdateMagnets(Immutable<Model.RareEarths.ImporterMonth> magnets)
    {
        Agent.Magnets = magnets.Value;
        return Task.CompletedTask;
    }

    public Task<Immutable<IReadOnlyList<LicenceDecision>>> Decide(Immutable<MonthContext> month, Immutable<IReadOnlyList<Order>> orders) =>
        Task.FromResult(((IReadOnlyList<LicenceDecision>)Agent.Decide(month.Value, Context, orders.Value)).AsImmutable());

    public Task<CountryView?> GetState() => Task.FromResult(Held?.View());
}
