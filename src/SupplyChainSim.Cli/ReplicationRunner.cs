using Spectre.Console;
using SupplyChainSim.Grains;
using SupplyChainSim.Model.MonteCarlo;
using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Worlds;
using SupplyChainSim.Output;

namespace SupplyChainSim.Cli;

/// <summary>
/// Runs replications of a scenario on one silo, as many at a time as there are cores. Replication i runs the scenario
/// with seed <see cref="ReplicationSeeds.For"/>(seed, i) on the same world; what <c>keep</c> takes from its results is
/// all that stays in memory, so that thousands of replications fit. Their licence decisions are counted, not kept:
/// replication 0's go to <c>firstLicences</c> when it is given (the run's licences.csv), the others' nowhere.
/// </summary>
internal static class ReplicationRunner
{
    public static async Task<T[]> RunAsync<T>(SimulationHost host, ResolvedScenario scenario, int count, int blockSize,
        Func<int, RunResults, T> keep, Action<int, T> finished, CancellationToken cancellationToken, Placement placement = Placement.Pooled,
        LicenceLog? firstLicences = null)
    {
        var rows = new T[count];
        using var gate = new SemaphoreSlim(Environment.ProcessorCount);
        async Task Replicate(int replication)
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                var seeded = scenario.WithSeed(ReplicationSeeds.For(scenario.Spec.Seed, replication));
                var world = Commands.Build(seeded, blockSize, placement);
                using var discarded = replication == 0 && firstLicences is not null ? null : LicenceLog.Discarding();
                var results = await GrainRun.RunAsync(host.Grains, world, Commands.RunKey(seeded), null, cancellationToken, release: true,
                    licences: discarded ?? firstLicences);
                rows[replication] = keep(replication, results);
                finished(replication, rows[replication]);
            }
            finally
            {
                gate.Release();
            }
        }
        await Task.WhenAll(Enumerable.Range(0, count).Select(Replicate));
        return rows;
    }
}

/// <summary>
/// Progress of long work: a Spectre.Console bar with the estimated time left when the console is interactive; when
/// output is redirected, nothing here (callers print a plain line per finished item).
/// </summary>
internal sealed class WorkProgress
{
    private readonly ProgressTask? task;

    private WorkProgress(ProgressTask? task) => this.task = task;

    public bool Interactive => task is not null;

    public void Step() => task?.Increment(1);

    public void Describe(string text)
    {
        if (task is not null) task.Description = Markup.Escape(text);
    }

    public static async Task RunAsync(IAnsiConsole console, string description, int steps, Func<WorkProgress, Task> work)
    {
        if (!console.Profile.Capabilities.Interactive)
        {
            await work(new WorkProgress(null));
            return;
        }
        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(progress => work(new WorkProgress(progress.AddTask(Markup.Escape(description), maxValue: steps))));
    }
}
