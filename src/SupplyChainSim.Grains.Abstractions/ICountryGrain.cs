using SupplyChainSim.Model.Agents;

namespace SupplyChainSim.Grains.Abstractions;

/// <summary>A country as a destination: decides the orders bound for it and keeps their ledger.</summary>
[Alias("scs.country")]
public interface ICountryGrain : IAgentGrain<CountryAgent>
{
    /// <summary>For the dashboard's grain-state view (it calls parameterless getters named GetState).</summary>
    [Alias("state")]
    Task<CountryView?> GetState();
}
