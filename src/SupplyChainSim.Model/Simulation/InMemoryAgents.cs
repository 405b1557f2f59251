using SupplyChainSim.Model.Phases;

namespace SupplyChainSim.Model.Simulation;

/// <summary>
/// The agents of one kind as plain objects in this process, each operation applied directly. With
/// <paramref name="parallel"/> each call runs on a thread-pool thread of its own, so a phase's calls run at once, as a
/// silo runs its grains on every core; the stepper puts the replies in a fixed order, so the results are the same.
/// </summary>
public sealed class InMemoryAgents<TAgent>(IReadOnlyList<TAgent> agents, SimulationContext context, bool parallel) : IAgents<TAgent>
{
    public Task<TReply> Ask<TReply>(int agent, IOperation<TAgent, TReply> operation)
    {
        var target = agents[agent];
        return parallel ? Task.Run(() => operation.ApplyTo(target, context)) : Task.FromResult(operation.ApplyTo(target, context));
    }
}
