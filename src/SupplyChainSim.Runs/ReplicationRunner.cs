using SupplyChainSim.Grains;
using SupplyChainSim.Grains.Abstractions;
using SupplyChainSim.Model.MonteCarlo;
using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Worlds;
using SupplyChainSim.Output;

namespace SupplyChainSim.Runs;

/// <summary>
/// Runs replications of a scenario on one silo, as many at a time as there are cores (or as the slots it shares with
/// other runs allow). Replication i runs the scenario with seed <see cref="ReplicationSeeds.For"/>(seed, i) on the same
/// world; what <c>keep</c> takes from its results is all that stays in memory, so that thousands of replications fit.
/// In-process their licence decisions are counted, not kept: replication 0's go to <c>firstLicences</c> when it is
/// given (the run's licences.csv), the others' nowhere, unwritten (<see cref="UnreadDecisions"/>).
/// On a cluster (<see cref="SimulationHost.Cluster"/>) the replications spread over its silos, a few per silo at a time;
/// one that fails there (its silo lost) is run again from its first month under a new key, and gives the same results
/// (with its decisions, as a rerun cannot take back what it streamed).
/// </summary>
public static class ReplicationRunner
{
    /// <summary>Runs of one replication on a cluster before its failure is the command's.</summary>
    private const int ClusterAttempts = 4;

    /// <summary>Sets this client's replication keys apart from another client's on the same cluster (keys never reach an output).</summary>
    private static readonly string ClientTag = $"{Environment.MachineName}.{Environment.ProcessId}.{DateTime.UtcNow.Ticks}";

    /// <param name="slots">Shared with the runs beside these ones on the same host (the other regimes of a comparison); by default their own.</param>
    /// <param name="started">Called once every replication has a slot: only the last ones are still running.</param>
    public static async Task<T[]> RunAsync<T>(SimulationHost host, ResolvedScenario scenario, int count, int poolSize,
        Func<int, RunResults, T> keep, Action<int, T> finished, CancellationToken cancellationToken, Placement placement = Placement.Pooled,
        LicenceLog? firstLicences = null, SemaphoreSlim? slots = null, Action? started = null)
    {
        var rows = new T[count];
        using var own = slots is null ? new SemaphoreSlim(host.Parallelism) : null;
        var gate = slots ?? own!;
        var waiting = count;
        var lanes = host.Cluster is null ? new ReplicationLanes(host.Grains) : null;
        async Task Replicate(int replication)
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                if (Interlocked.Decrement(ref waiting) == 0) started?.Invoke();
                var seeded = scenario.WithSeed(ReplicationSeeds.For(scenario.Spec.Seed, replication));
                var world = ScenarioRuns.Build(seeded, poolSize, placement);
                var results = await RunOneAsync(host, world, ScenarioRuns.Key(seeded), replication, cancellationToken,
                    replication == 0 ? firstLicences : null, lanes);
                rows[replication] = keep(replication, results);
                finished(replication, rows[replication]);
            }
            finally
            {
                gate.Release();
            }
        }
        await Task.WhenAll(Enumerable.Range(0, count).Select(Replicate));
        if (lanes is not null) await lanes.ReleaseAsync();
        return rows;
    }

    /// <summary>
    /// One run of a world: in-process with its licence decisions streamed to <paramref name="licences"/> (or counted and
    /// dropped), released when done, or with <paramref name="lanes"/> run on a lane's grains and left there for the next;
    /// on a cluster on the silo its number deals it to, released when done, run again if that silo is lost.
    /// </summary>
    public static async Task<RunResults> RunOneAsync(SimulationHost host, World world, string runKey, int number, CancellationToken cancellationToken,
        LicenceLog? licences = null, ReplicationLanes? lanes = null)
    {
        if (host.Cluster is not null) return await OnClusterAsync(host, world, GrainKeys.OnSilo(number, runKey, ClientTag), cancellationToken);
        var decisions = (ILicenceDecisionSink?)licences ?? UnreadDecisions.Instance;
        if (lanes is null) return await GrainRun.RunAsync(host.Grains, world, runKey, null, cancellationToken, release: true, licences: decisions);
        var lane = lanes.Take();
        var results = await GrainRun.RunAsync(host.Grains, world, lane, null, cancellationToken, licences: decisions, recycle: true);
        // Only a lane whose run finished goes back: one that failed is left as it is, to be released with the others.
        lanes.Return(lane);
        return results;
    }

    private static async Task<RunResults> OnClusterAsync(SimulationHost host, World world, string runKey, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var key = GrainKeys.Attempt(runKey, attempt);
            try
            {
                // Abandoned if a silo is lost meanwhile: its grains, or the reply, may have been on that silo.
                return await host.Watch!.CallAsync(() => GrainRun.RunAsync(host.Grains, world, key, null, cancellationToken, release: true), cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                var what = ClusterFailures.Describe(e);
                if (await RedisFacts.RestartedEmptyAsync(host.Cluster!) is { } restarted)
                    throw new ClusterRunLostException($"replication with seed {world.Context.Seed} cannot go on: {restarted} ({what}). Nothing was written; " +
                        "run the replications again once silos have rejoined.", e);
                if (ClusterFailures.IsRedis(e))
                    throw new ClusterRunLostException($"replication {world.Context.Seed} lost the cluster's Redis ({host.Cluster!.Address}): {what}. Nothing was written.", e);
                if (attempt == ClusterAttempts)
                    throw new ClusterRunLostException($"replication with seed {world.Context.Seed} failed {attempt} times on {host.Cluster}: {what}. Nothing was written.", e);
                host.Warn($"replication with seed {world.Context.Seed}: {what}; it is run again from its first month ({attempt} of {ClusterAttempts - 1} retries)");
                // What is left of the lost attempt goes; a grain on the lost silo has nothing to clear.
                _ = GrainRun.ReleaseAsync(host.Grains.GetGrain<IRunCoordinatorGrain>(key)).ContinueWith(_ => { }, TaskScheduler.Default);
                await Task.Delay(TimeSpan.FromSeconds(2 * attempt), cancellationToken);
            }
        }
    }
}
