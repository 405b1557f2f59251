using SupplyChainSim.Model.Agents;
using SupplyChainSim.Model.RareEarths;
using SupplyChainSim.Model.Simulation;

namespace SupplyChainSim.Model.Phases;

/// <summary>Rare-earth leverage, second step: an importing country takes in its magnet position for the month.</summary>
public sealed record ImportMagnets(ImporterMonth Magnets) : IOperation<CountryAgent, ImporterMonth>
{
    public ImporterMonth ApplyTo(CountryAgent country, SimulationContext context) => country.ImportMagnets(Magnets);
}
