using SupplyChainSim.Model.Agents;
using SupplyChainSim.Model.Simulation;

namespace SupplyChainSim.Model.Worlds;

/// <param name="Name">The intermediary's id (<see cref="Hosting.Agent"/>) or "hub/n" (<see cref="Hosting.Pool"/>).</param>
public sealed record IntermediaryBlockPlan(int Index, Hosting Hosting, string Name, IReadOnlyList<IntermediaryPlacement> Members) : IAgentPlan<IntermediaryBlock>
{
    public IntermediaryBlock Create(SimulationContext context) =>
        new() { Index = Index, Members = Members.Select(m => Intermediary.Create(m.Spec, m.BuyerAddress, m.BuyerCountry, context)).ToList() };
}
