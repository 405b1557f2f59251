using SupplyChainSim.Model.Phases;
using SupplyChainSim.Model.Simulation;

namespace SupplyChainSim.Grains.Abstractions;

/// <summary>
/// A grain that hosts an agent of the model, or a block of them, of type <typeparamref name="TAgent"/>: made from its
/// plan, then sent each phase's operation. One method carries every operation (the operation applies itself to the agent),
/// so a new phase or kind of agent needs no new grain method; a kind's own interface adds only its view for the dashboard.
/// </summary>
[Alias("scs.agent`1")]
public interface IAgentGrain<TAgent> : ICheckpointedGrain
{
    /// <summary>Takes up the agent <paramref name="plan"/> makes, for run <paramref name="run"/>.</summary>
    [Alias("init")]
    Task Initialise(Immutable<IAgentPlan<TAgent>> plan, string run);

    /// <summary>Applies one operation to the agent and returns its reply: every phase reaches every kind of agent through this one method.</summary>
    [Alias("ask")]
    Task<Immutable<TReply>> Ask<TReply>(Immutable<IOperation<TAgent, TReply>> operation);
}
