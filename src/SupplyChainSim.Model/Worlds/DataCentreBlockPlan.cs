using SupplyChainSim.Model.Agents;
using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Model.Simulation;

namespace SupplyChainSim.Model.Worlds;

/// <param name="Index">The block's place in the world's list: how the stepper and the agents' messages address it within a run.</param>
/// <param name="Name">The site's id (<see cref="Hosting.Agent"/>), the linked cluster's "owner@country" (<see cref="Hosting.Owner"/>), or
/// "country/n" (<see cref="Hosting.Pool"/>).</param>
public sealed record DataCentreBlockPlan(int Index, string Country, Hosting Hosting, string Name, IReadOnlyList<DataCentreSpec> Sites) : IAgentPlan<DataCentreBlock>
{
    public DataCentreBlock Create(SimulationContext context) =>
        new() { Index = Index, Country = Country, Sites = Sites.Select(s => DataCentre.Create(s, context)).ToList() };
}
