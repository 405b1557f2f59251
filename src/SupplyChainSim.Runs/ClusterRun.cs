using SupplyChainSim.Grains;
using SupplyChainSim.Grains.Abstractions;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Worlds;

namespace SupplyChainSim.Runs;

/// <summary>
/// One run on a cluster, driven from this client: the coordinator grain steps each month on a silo and checkpoints every
/// grain of the run to Redis after it. When a call fails (a silo lost, the coordinator with it, or the client's gateway),
/// or a silo leaves the cluster while it waits (<see cref="ClusterWatch"/>), the client calls again: the coordinator,
/// reactivated on a survivor if need be, first takes the whole run back to its last whole checkpoint, and the months
/// after it are stepped again, deterministically, to the same results. Months already reported are not reported twice.
/// A run whose state is gone (it ended, or a Redis without persistence restarted) is not retried.
/// </summary>
public static class ClusterRun
{
    /// <summary>Waits between attempts: about a minute in all, several times the membership's few seconds to declare a silo dead.</summary>
    private static readonly TimeSpan[] Waits = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8),
        TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(15)];

    /// <param name="ticket">For a new run; null to take over the run under <paramref name="runKey"/> (<c>run --resume</c>).</param>
    public static async Task<RunResults> RunAsync(SimulationHost host, World world, string runKey, string? ticket,
        Func<MonthReport, CancellationToken, Task> onMonth, CancellationToken cancellationToken)
    {
        var cluster = host.Cluster!;
        var run = host.Grains.GetGrain<IRunCoordinatorGrain>(runKey);
        var retry = new Retry(host, runKey, run, resuming: ticket is null, cancellationToken);
        if (ticket is not null)
        {
            var begun = await retry.Call(async () => await run.Begin(world.AsImmutable(), ticket) || await run.Ticket() == ticket, begun: false);
            if (!begun) throw new RunKeyTakenException(runKey, cluster);
        }
        else await retry.Call(run.Resume);

        var reported = new SortedSet<int>();
        while (true)
        {
            var month = await retry.Call(async () =>
            {
                if (await run.IsFinished()) return null;
                var report = (await run.StepMonth()).Value;
                for (var part = 0; await run.Commit(part); part++)
                {
                }
                return report;
            });
            if (month is null) break;
            if (reported.Add(month.Month.Index)) await onMonth(month, cancellationToken);
        }
        var results = await retry.Call(async () => (await run.GetResults()).Value);
        return results;
    }

    /// <summary>Clears the finished run from Redis (its key is free again); the files are written by then, so a failure here only warns.</summary>
    public static async Task ReleaseAsync(SimulationHost host, string runKey)
    {
        try
        {
            await GrainRun.ReleaseAsync(host.Grains.GetGrain<IRunCoordinatorGrain>(runKey));
        }
        catch (Exception e)
        {
            host.Warn($"warning: the results are written, but run {runKey} could not be cleared from {host.Cluster}: {ClusterFailures.Describe(e)}");
        }
    }

    /// <summary>Calls again after a failure on the cluster, a few times, then gives up naming what was lost.</summary>
    private sealed class Retry(SimulationHost host, string runKey, IRunCoordinatorGrain run, bool resuming, CancellationToken cancellationToken)
    {
        private readonly ClusterConnection cluster = host.Cluster!;

        /// <param name="begun">Whether the run is on the cluster already: then a retry first sends it back to its checkpoint.</param>
        public async Task<T> Call<T>(Func<Task<T>> call, bool begun = true)
        {
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    // Whatever the lost call did, the run goes back to its checkpoint first; that call is watched too, since
                    // it may reach a silo that is gone but not yet declared dead.
                    return await host.Watch!.CallAsync(async () =>
                    {
                        if (attempt > 0 && begun) await run.Resume();
                        return await call();
                    }, cancellationToken);
                }
                catch (RunNotInProgressException e) when (resuming)
                {
                    throw new RunNotResumableException($"run {runKey} is no longer in progress on {cluster}: it ended (its own client, or " +
                        $"another --resume, finished it) while this client took it up, or Redis lost it ({e.Message}). Nothing was written by this client.");
                }
                catch (RunNotInProgressException e)
                {
                    throw new ClusterRunLostException($"run {runKey} lost its state on {cluster}: {e.Message}. Redis no longer holds the run " +
                        "(it restarted without its data, or the key was cleared): it cannot be resumed; nothing was written. Start it again.", e);
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not (RunKeyTakenException or ClusterRunLostException or RunNotResumableException))
                {
                    var what = ClusterFailures.Describe(e);
                    if (await RedisFacts.RestartedEmptyAsync(cluster) is { } restarted)
                        throw new ClusterRunLostException($"run {runKey} cannot go on: {restarted} ({what}). It cannot be resumed; nothing was written. " +
                            "Run it again once silos have rejoined (a silo exits when Redis loses its membership, for its supervisor to start it again).", e);
                    var resume = $"`{Tool.Invocation} run --resume {runKey} {cluster.Options}`{cluster.PasswordHint}";
                    if (ClusterFailures.IsRedis(e))
                        throw new ClusterRunLostException($"run {runKey} lost the cluster's Redis ({cluster.Address}): {what}. Nothing was written; once Redis is back " +
                            $"with its data, {resume} resumes it from its last checkpoint (a Redis that keeps nothing on disk and restarted has lost the run).", e);
                    if (attempt == Waits.Length)
                        throw new ClusterRunLostException($"run {runKey} could not complete on {cluster}: {what} ({Waits.Length} retries). Nothing was written; " +
                            $"once the silos are back, {resume} resumes it from its last checkpoint.", e);
                    host.Warn($"{what}; the run goes back to its last checkpoint (retry {attempt + 1} of {Waits.Length})");
                    await Task.Delay(Waits[attempt], cancellationToken);
                }
            }
        }
    }
}
