using SupplyChainSim.Model.Agents;
using SupplyChainSim.Model.Simulation;

namespace SupplyChainSim.Model.Phases;

/// <summary>Licensing, first step: the Entity List says which of the month's consignees it lists, for the rule that refuses them.</summary>
public sealed record ListedAmong(IReadOnlyList<string> Consignees) : IOperation<EntityList, IReadOnlyList<string>>
{
    public IReadOnlyList<string> ApplyTo(EntityList list, SimulationContext context) => list.ListedAmong(Consignees);
}
