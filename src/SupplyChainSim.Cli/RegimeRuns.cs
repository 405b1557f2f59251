using System.Globalization;
using Spectre.Console;
using SupplyChainSim.Reports;

namespace SupplyChainSim.Cli;

/// <summary>Runs regimes on one silo (or cluster), each with its replications, and keeps the finished ones.</summary>
internal static class RegimeRuns
{
    /// <summary>
    /// Runs each regime's replications, regimes in turn but side by side at the edges: every replication takes one of the
    /// host's slots (one per core of the embedded silo, a few per silo of a cluster), and the next regime's replications
    /// are queued as soon as the last of this one's has a slot, so that no slot idles while a regime's last replications
    /// finish. When cancelled, no new replication starts and the regimes under way are dropped: the outcomes returned are
    /// those of regimes that finished, complete, with <c>Stopped</c> set.
    /// </summary>
    /// <param name="finished">Called as each regime finishes (tests cancel from here).</param>
    public static async Task<(IReadOnlyList<RegimeOutcome> Rows, bool Stopped)> RunAsync(IAnsiConsole console, SimulationHost host,
        IReadOnlyList<RegimeRun> runs, ReportCommands.OutcomeRequest request, Action<RegimeOutcome>? finished, CancellationToken cancellationToken)
    {
        var outcomes = new RegimeOutcome?[runs.Count];
        await WorkProgress.RunAsync(console, "starting", runs.Count * request.Replications, async progress =>
        {
            using var slots = new SemaphoreSlim(host.Parallelism);

            async Task RunOne(RegimeRun run, int index, Action started)
            {
                progress.Describe(TerminalText.Safe($"{run.Label} ({index + 1} of {runs.Count})"));
                Model.Simulation.RunInfo? info = null;
                try
                {
                    var replications = await ReplicationRunner.RunAsync(host, run.Scenario, request.Replications, request.BlockSize, (i, results) =>
                    {
                        if (i == 0) info = results.Info;
                        return ReplicationOutcome.Of(i, results, run.Scenario.Countries);
                    }, (_, _) => progress.Step(), cancellationToken, slots: slots, started: started);
                    var row = outcomes[index] = RegimeOutcome.Of(run.Label, info!, replications) with { World = run.World };
                    if (!progress.Interactive)
                        console.WriteLine(TerminalText.Safe($"{run.Label} done, {index + 1} of {runs.Count}: P(breach) {row.MonteCarlo.BreachProbability.ToString("0.000", CultureInfo.InvariantCulture)}, " +
                            $"first breach {row.MonteCarlo.FirstBreachMedian?.ToString() ?? "none"}; {progress.Rate}"));
                    finished?.Invoke(row);
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
        });
        var rows = outcomes.OfType<RegimeOutcome>().ToList();
        return (rows, rows.Count < runs.Count);
    }
}
