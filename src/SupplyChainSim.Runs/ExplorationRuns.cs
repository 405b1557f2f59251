using SupplyChainSim.Model.Exploration;
using SupplyChainSim.Model.MonteCarlo;
using SupplyChainSim.Model.Scenarios;

namespace SupplyChainSim.Runs;

/// <summary>An exploration's futures, each with its replications, on the silo (or the cluster's silos).</summary>
public static class ExplorationRuns
{
    /// <summary>
    /// Runs every future's replications, as many at a time as the host runs, futures in order. When cancelled, nothing
    /// new starts and the runs under way are dropped: the futures returned are those whose every replication finished.
    /// </summary>
    /// <param name="values">Each future's value of every input, in the order of <paramref name="inputs"/>.</param>
    /// <param name="replicated">Called as each replication finishes (from several threads at once).</param>
    /// <param name="finished">Called as each future finishes, every replication of it.</param>
    public static async Task<(IReadOnlyList<ExplorePoint> Points, bool Stopped)> RunAsync(SimulationHost host, ResolvedScenario scenario,
        IReadOnlyList<ExploredInput> inputs, IReadOnlyList<IReadOnlyList<double>> values, int replications, int poolSize,
        Action replicated, Action<ExplorePoint> finished, CancellationToken cancellationToken)
    {
        var count = values.Count;
        var rows = Enumerable.Range(0, count).Select(_ => new ReplicationSummary[replications]).ToArray();
        var left = Enumerable.Repeat(replications, count).ToArray();
        var done = new ExplorePoint?[count];
        var next = -1L;
        var lanes = host.Cluster is null ? new ReplicationLanes(host.Grains) : null;
        async Task Worker()
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var job = Interlocked.Increment(ref next);
                if (job >= (long)count * replications) return;
                var (p, r) = ((int)(job / replications), (int)(job % replications));
                try
                {
                    var point = scenario.At(inputs.Select((input, j) => (input.ResolvedPath, input.Json(values[p][j]))).ToList());
                    var seeded = point.WithSeed(ReplicationSeeds.For(scenario.Spec.Seed, r));
                    var world = ScenarioRuns.Build(seeded, poolSize);
                    var results = await ReplicationRunner.RunOneAsync(host, world, ScenarioRuns.Key(seeded), (int)job, cancellationToken, lanes: lanes);
                    rows[p][r] = ReplicationSummary.Of(r, results);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    return;
                }
                replicated();
                if (Interlocked.Decrement(ref left[p]) > 0) continue;
                finished(done[p] = new ExplorePoint(p, values[p], rows[p]));
            }
        }
        await Task.WhenAll(Enumerable.Range(0, host.Parallelism).Select(_ => Task.Run(Worker)));
        if (lanes is not null && !cancellationToken.IsCancellationRequested) await lanes.ReleaseAsync();
        var points = done.OfType<ExplorePoint>().ToList();
        return (points, points.Count < count);
    }
}
