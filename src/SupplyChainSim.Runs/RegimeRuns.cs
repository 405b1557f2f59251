using SupplyChainSim.Reports;

namespace SupplyChainSim.Runs;

/// <summary>Runs regimes one after another on one silo, each with its replications, and keeps the finished ones.</summary>
public static class RegimeRuns
{
    /// <summary>
    /// Runs each regime's replications in turn. When cancelled, no new regime starts and the one under way is dropped:
    /// the outcomes returned are those of regimes that finished, complete, with <c>Stopped</c> set.
    /// </summary>
    /// <param name="poolSize">The most generated agents a pool holds (a hosting choice: results do not depend on it).</param>
    /// <param name="starting">Called as the <c>index</c>-th regime's replications start.</param>
    /// <param name="replicated">Called as each replication finishes (from several threads at once).</param>
    /// <param name="finished">Called as the <c>index</c>-th regime finishes, every replication of it.</param>
    public static async Task<(IReadOnlyList<RegimeOutcome> Rows, bool Stopped)> RunAsync(SimulationHost host, IReadOnlyList<RegimeRun> runs,
        int replications, int poolSize, Action<RegimeRun, int> starting, Action replicated, Action<RegimeOutcome, int> finished,
        CancellationToken cancellationToken)
    {
        // The next regime's outcome, or null when cancelled before it finished.
        async Task<RegimeOutcome?> RunOne(RegimeRun run, int index)
        {
            starting(run, index);
            Model.Simulation.RunInfo? info = null;
            try
            {
                var outcomes = await ReplicationRunner.RunAsync(host, run.Scenario, replications, poolSize, (i, results) =>
                {
                    if (i == 0) info = results.Info;
                    return ReplicationOutcome.Of(i, results, run.Scenario.Countries);
                }, (_, _) => replicated(), cancellationToken);
                var row = RegimeOutcome.Of(run.Label, info!, outcomes) with { World = run.World };
                finished(row, index);
                return row;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return null;
            }
        }

        // On a cluster, regimes (sweep points) run side by side too, so that few replications each still fill the silos.
        var together = host.Cluster is null ? 1 : Math.Max(1, host.Parallelism / replications);
        if (together > 1)
        {
            using var window = new SemaphoreSlim(together);
            var outcomes = await Task.WhenAll(runs.Select(async (run, index) =>
            {
                try
                {
                    await window.WaitAsync(cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return null;
                }
                try
                {
                    return await RunOne(run, index);
                }
                finally
                {
                    window.Release();
                }
            }));
            var whole = outcomes.OfType<RegimeOutcome>().ToList();
            return (whole, whole.Count < runs.Count);
        }
        var rows = new List<RegimeOutcome>();
        foreach (var (run, index) in runs.Select((r, i) => (r, i)))
        {
            if (cancellationToken.IsCancellationRequested || await RunOne(run, index) is not { } row) return (rows, true);
            rows.Add(row);
        }
        return (rows, false);
    }
}
