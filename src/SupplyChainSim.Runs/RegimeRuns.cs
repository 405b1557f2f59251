using SupplyChainSim.Reports;

namespace SupplyChainSim.Runs;

/// <summary>Runs regimes on one silo (or cluster), each with its replications, and keeps the finished ones.</summary>
public static class RegimeRuns
{
    /// <summary>
    /// Runs each regime's replications, regimes in turn but side by side at the edges: every replication takes one of the
    /// host's slots (one per core of the embedded silo, a few per silo of a cluster), and the next regime's replications
    /// are queued as soon as the last of this one's has a slot, so that no slot idles while a regime's last replications
    /// finish. When cancelled, no new replication starts and the regimes under way are dropped: the outcomes returned are
    /// those of regimes that finished, complete, with <c>Stopped</c> set.
    /// </summary>
    /// <param name="poolSize">The most generated agents a pool holds (a hosting choice: results do not depend on it).</param>
    /// <param name="starting">Called as the <c>index</c>-th regime's replications start.</param>
    /// <param name="replicated">Called as each replication finishes (from several threads at once).</param>
    /// <param name="finished">Called as the <c>index</c>-th regime finishes, every replication of it.</param>
    public static async Task<(IReadOnlyList<RegimeOutcome> Rows, bool Stopped)> RunAsync(SimulationHost host, IReadOnlyList<RegimeRun> runs,
        int replications, int poolSize, Action<RegimeRun, int> starting, Action replicated, Action<RegimeOutcome, int> finished,
        CancellationToken cancellationToken)
    {
        var rows = new RegimeOutcome?[runs.Count];
        using var slots = new SemaphoreSlim(host.Parallelism);

        async Task RunOne(RegimeRun run, int index, Action started)
        {
            starting(run, index);
            Model.Simulation.RunInfo? info = null;
            try
            {
                var outcomes = await ReplicationRunner.RunAsync(host, run.Scenario, replications, poolSize, (i, results) =>
                {
                    if (i == 0) info = results.Info;
                    return ReplicationOutcome.Of(i, results, run.Scenario.Countries);
                }, (_, _) => replicated(), cancellationToken, slots: slots, started: started);
                var row = rows[index] = RegimeOutcome.Of(run.Label, info!, outcomes) with { World = run.World };
                finished(row, index);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
            }
        }

        var running = new List<Task>();
        // A regime that failed stops the next from starting; its failure is the command's.
        for (var index = 0; index < runs.Count && !cancellationToken.IsCancellationRequested && !running.Any(r => r.IsFaulted); index++)
        {
            var started = new TaskCompletionSource();
            var regime = RunOne(runs[index], index, () => started.TrySetResult());
            running.Add(regime);
            await Task.WhenAny(started.Task, regime);
        }
        await Task.WhenAll(running);
        var whole = rows.OfType<RegimeOutcome>().ToList();
        return (whole, whole.Count < runs.Count);
    }
}
