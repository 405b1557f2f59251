using SupplyChainSim.Model.Agents;
using SupplyChainSim.Model.Simulation;

namespace SupplyChainSim.Model.Phases;

/// <summary>Diversion: a block of intermediaries takes in what its shells received and were refused, and forwards what is due.</summary>
public sealed record Divert(MonthContext Month, Deliveries Deliveries) : IOperation<IntermediaryBlock, DiversionReply>
{
    public DiversionReply ApplyTo(IntermediaryBlock block, SimulationContext context) => block.Divert(Month, context, Deliveries);
}
