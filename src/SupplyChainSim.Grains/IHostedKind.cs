using SupplyChainSim.Grains.Abstractions;

namespace SupplyChainSim.Grains;

/// <summary>One kind's grains as <see cref="GrainWorldHosts"/> sees them all together: to initialise, checkpoint and release.</summary>
internal interface IHostedKind
{
    /// <summary>Each agent's grain with the plan it was made from.</summary>
    IEnumerable<(ICheckpointedGrain Grain, object Plan)> Members { get; }

    /// <summary>A call to each grain to take up its agent.</summary>
    IEnumerable<Task> Initialise(string run);
}
