using SupplyChainSim.Model.Agents;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Phases;

/// <summary>
/// Enforcement: the Entity List takes in the month's detections (their shells are listed from next month) and says which
/// of <paramref name="Suppliers"/> (intermediaries behind the month's breaches) have been caught by the month.
/// </summary>
public sealed record Enforce(YearMonth Month, IReadOnlyList<Detection> Detections, IReadOnlyList<string> Suppliers)
    : IOperation<EntityList, IReadOnlyList<string>>
{
    public IReadOnlyList<string> ApplyTo(EntityList list, SimulationContext context) => list.Enforce(Month, Detections, Suppliers);
}
