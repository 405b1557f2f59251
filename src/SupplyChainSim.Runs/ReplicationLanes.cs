using System.Collections.Concurrent;
using SupplyChainSim.Grains;
using SupplyChainSim.Grains.Abstractions;

namespace SupplyChainSim.Runs;

/// <summary>
/// Run keys that replications on this process's silo take in turn, each replication reusing the grains the one before it
/// left under its key (<see cref="IRunCoordinatorGrain.Recycle"/>): the hundreds of agent grains of a world are activated
/// once per lane instead of once per replication. Every grain is initialised afresh by the run that uses it, so results
/// do not depend on which lane a replication took. Grains a lane's last world did not use stay active until the silo
/// stops (or collects them when idle).
/// </summary>
public sealed class ReplicationLanes(IGrainFactory grains)
{
    private static int made;

    private readonly ConcurrentBag<string> free = [];
    private readonly ConcurrentQueue<string> all = new();

    /// <summary>A lane no replication is using; a new one when every lane is taken.</summary>
    public string Take()
    {
        if (free.TryTake(out var lane)) return lane;
        // Keys of runs on this process's own silo, never part of any output.
        lane = $"replications-{Interlocked.Increment(ref made)}";
        all.Enqueue(lane);
        return lane;
    }

    /// <summary>The replication on <paramref name="lane"/> finished: its grains are there for the next one.</summary>
    public void Return(string lane) => free.Add(lane);

    /// <summary>Releases every lane's grains: call once the replications are over.</summary>
    public Task ReleaseAsync() => Task.WhenAll(all.Select(lane => GrainRun.ReleaseAsync(grains.GetGrain<IRunCoordinatorGrain>(lane))));
}
