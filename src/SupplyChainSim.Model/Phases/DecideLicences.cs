using SupplyChainSim.Model.Agents;
using SupplyChainSim.Model.Regimes;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Trade;

namespace SupplyChainSim.Model.Phases;

/// <summary>Licensing: a country decides every order bound for it, under the regime in force.</summary>
/// <param name="EntityListed">The consignees of the month's orders that are on the Entity List as of the month.</param>
public sealed record DecideLicences(MonthContext Month, IReadOnlyList<Order> Orders, IReadOnlyList<string> EntityListed)
    : IOperation<CountryAgent, IReadOnlyList<LicenceDecision>>
{
    public IReadOnlyList<LicenceDecision> ApplyTo(CountryAgent country, SimulationContext context) =>
        country.DecideLicences(Month, context, Orders, EntityListed);
}
