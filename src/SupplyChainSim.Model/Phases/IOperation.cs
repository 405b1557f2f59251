using SupplyChainSim.Model.Simulation;

namespace SupplyChainSim.Model.Phases;

/// <summary>
/// One phase's message to one agent: a small immutable record that applies itself to the agent by calling the agent's
/// method of the same name. The stepper sends it through the agent's host (<see cref="IAgents{TAgent}"/>): applied
/// directly to an object in memory, or carried to the agent's grain, which applies it the same way. A record rather than
/// a method on every host and grain interface: a new operation is this record, the agent's method and the stepper's call.
/// </summary>
public interface IOperation<in TAgent, out TReply>
{
    TReply ApplyTo(TAgent agent, SimulationContext context);
}
