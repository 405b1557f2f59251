
namespace SupplyChainSim.Grains.Abstractions;

/// <summary>
/// A grain that holds part of a run's state, which the run's coordinator writes at checkpoints, takes back to one, and
/// clears when the run is over: every agent's host, the Entity List, the magnet exporter, each month's record and the
/// run's context. Not the coordinator itself.
/// </summary>
[Alias("scs.checkpointed")]
public interface ICheckpointedGrain : IGrainWithStringKey
{
    /// <summary>Writes the grain's state to grain storage.</summary>
    [Alias("checkpoint")]
    Task Checkpoint();

    /// <summary>The run is over: forget the state, stored copy included, and deactivate.</summary>
    [Alias("release")]
    Task Release();

    /// <summary>Writes the grain's state to checkpoint slot 0 or 1 of a durable run (a run on a cluster).</summary>
    [Alias("save")]
    Task Save(int slot);

    /// <summary>Replaces the grain's state with what checkpoint slot 0 or 1 holds: the run goes back to that checkpoint.</summary>
    [Alias("restore")]
    Task Restore(int slot);
}
