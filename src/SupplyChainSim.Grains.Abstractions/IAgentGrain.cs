
namespace SupplyChainSim.Grains.Abstractions;

/// <summary>What every grain that hosts part of a run's world can be asked.</summary>
[Alias("scs.agent")]
public interface IAgentGrain : IGrainWithStringKey
{
    /// <summary>Writes the agent's state to grain storage.</summary>
    [Alias("checkpoint")]
    Task Checkpoint();

    /// <summary>The run is over: forget the state, stored copy included, and deactivate.</summary>
    [Alias("release")]
    Task Release();

    /// <summary>Writes the agent's state to checkpoint slot 0 or 1 of a durable run (a run on a cluster).</summary>
    [Alias("save")]
    Task Save(int slot);

    /// <summary>Replaces the agent's state with what checkpoint slot 0 or 1 holds: the run goes back to that checkpoint.</summary>
    [Alias("restore")]
    Task Restore(int slot);
}
