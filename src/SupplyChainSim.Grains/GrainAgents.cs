using SupplyChainSim.Grains.Abstractions;
using SupplyChainSim.Model.Phases;
using SupplyChainSim.Model.Simulation;

namespace SupplyChainSim.Grains;

/// <summary>
/// The agents of one kind in grains, one grain for each plan: a call to an agent is one grain call carrying the
/// operation with its whole batch (every order bound for a country, every lot bound for a block).
/// </summary>
internal sealed class GrainAgents<TAgent>(IReadOnlyList<IAgentPlan<TAgent>> plans, IReadOnlyList<IAgentGrain<TAgent>> grains, GrainWorldHosts hosts)
    : IAgents<TAgent>, IHostedKind
{
    public async Task<TReply> Ask<TReply>(int agent, IOperation<TAgent, TReply> operation)
    {
        hosts.Counted();
        return (await grains[agent].Ask(operation.AsImmutable())).Value;
    }

    public IEnumerable<(ICheckpointedGrain Grain, object Plan)> Members => grains.Select((grain, index) => ((ICheckpointedGrain)grain, (object)plans[index]));

    public IEnumerable<Task> Initialise(string run) => plans.Select((plan, index) => grains[index].Initialise(plan.AsImmutable(), run));
}
