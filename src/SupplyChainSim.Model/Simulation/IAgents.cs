using SupplyChainSim.Model.Phases;

namespace SupplyChainSim.Model.Simulation;

/// <summary>
/// The agents of one kind, wherever they live: what the stepper calls them through. An agent is addressed by its place
/// among its kind (in the world's list of plans); a call carries one operation (<see cref="IOperation{TAgent, TReply}"/>)
/// with its whole batch, and returns the agent's reply. <see cref="InMemoryAgents{TAgent}"/> applies it to an object
/// here; the grains project carries it to the agent's grain, which applies it the same way.
/// </summary>
public interface IAgents<TAgent>
{
    Task<TReply> Ask<TReply>(int agent, IOperation<TAgent, TReply> operation);

    /// <summary>For a kind with one agent (the Entity List, the magnet exporter).</summary>
    Task<TReply> Ask<TReply>(IOperation<TAgent, TReply> operation) => Ask(0, operation);
}
