using SupplyChainSim.Model.Agents;
using SupplyChainSim.Model.Countries;
using SupplyChainSim.Model.Regimes;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Trade;

namespace SupplyChainSim.Grains.Abstractions;

/// <summary>A country as a destination: decides the orders bound for it and keeps their ledger.</summary>
[Alias("scs.country")]
public interface ICountryGrain : ICheckpointedGrain
{
    [Alias("init")]
    Task Initialise(Immutable<CountrySpec> spec, string run);

    [Alias("magnets")]
    Task UpdateMagnets(Immutable<Model.RareEarths.ImporterMonth> magnets);

    [Alias("decide")]
    Task<Immutable<IReadOnlyList<LicenceDecision>>> Decide(Immutable<MonthContext> month, Immutable<IReadOnlyList<Order>> orders);

    /// <summary>For the dashboard's grain-state view (it calls parameterless getters named GetState).</summary>
    [Alias("state")]
    Task<CountryView?> GetState();
}
