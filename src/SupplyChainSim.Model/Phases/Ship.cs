using SupplyChainSim.Model.Agents;
using SupplyChainSim.Model.Regimes;
using SupplyChainSim.Model.Simulation;

namespace SupplyChainSim.Model.Phases;

/// <summary>Production and shipping: a chipmaker books its approved orders, produces, and ships the lots due.</summary>
public sealed record Ship(MonthContext Month, IReadOnlyList<LicenceDecision> Approved) : IOperation<Chipmaker, ShipmentsReply>
{
    public ShipmentsReply ApplyTo(Chipmaker chipmaker, SimulationContext context) => chipmaker.Ship(Month, Approved, context.Catalogue);
}
