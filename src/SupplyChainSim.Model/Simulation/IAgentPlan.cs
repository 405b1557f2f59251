namespace SupplyChainSim.Model.Simulation;

/// <summary>
/// How one agent (or one block of agents) is made from the run's context: the world gives one plan per agent of each kind
/// (<see cref="WorldAgents"/>), and its host makes the agent from it, as a plain object or in the grain that keeps it.
/// </summary>
public interface IAgentPlan<out TAgent>
{
    TAgent Create(SimulationContext context);
}
