using System.Globalization;
using Spectre.Console;
using SupplyChainSim.Reports;

namespace SupplyChainSim.Cli;

/// <summary>Runs regimes one after another on one silo, each with its replications, and keeps the finished ones.</summary>
internal static class RegimeRuns
{
    /// <summary>
    /// Runs each regime's replications in turn. When cancelled, no new regime starts and the one under way is dropped:
    /// the outcomes returned are those of regimes that finished, complete, with <c>Stopped</c> set.
    /// </summary>
    /// <param name="finished">Called as each regime finishes (tests cancel from here).</param>
    public static async Task<(IReadOnlyList<RegimeOutcome> Rows, bool Stopped)> RunAsync(IAnsiConsole console, SimulationHost host,
        IReadOnlyList<RegimeRun> runs, ReportCommands.OutcomeRequest request, Action<RegimeOutcome>? finished, CancellationToken cancellationToken)
    {
        var rows = new List<RegimeOutcome>();
        var stopped = false;
        await WorkProgress.RunAsync(console, "starting", runs.Count * request.Replications, async progress =>
        {
            // The next regime's outcome, or null when cancelled before it finished.
            async Task<RegimeOutcome?> RunOne(RegimeRun run, int index)
            {
                progress.Describe(TerminalText.Safe($"{run.Label} ({index + 1} of {runs.Count})"));
                Model.Simulation.RunInfo? info = null;
                try
                {
                    var replications = await ReplicationRunner.RunAsync(host, run.Scenario, request.Replications, request.BlockSize, (i, results) =>
                    {
                        if (i == 0) info = results.Info;
                        return ReplicationOutcome.Of(i, results, run.Scenario.Countries);
                    }, (_, _) => progress.Step(), cancellationToken);
                    var row = RegimeOutcome.Of(run.Label, info!, replications) with { World = run.World };
                    if (!progress.Interactive)
                        console.WriteLine(TerminalText.Safe($"{run.Label} done, {index + 1} of {runs.Count}: P(breach) {row.MonteCarlo.BreachProbability.ToString("0.000", CultureInfo.InvariantCulture)}, " +
                            $"first breach {row.MonteCarlo.FirstBreachMedian?.ToString() ?? "none"}"));
                    finished?.Invoke(row);
                    return row;
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    return null;
                }
            }

            // On a cluster, regimes (sweep points) run side by side too, so that few replications each still fill the silos.
            var together = host.Cluster is null ? 1 : Math.Max(1, host.Parallelism / request.Replications);
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
                rows.AddRange(outcomes.OfType<RegimeOutcome>());
                stopped = rows.Count < runs.Count;
                return;
            }
            foreach (var (run, index) in runs.Select((r, i) => (r, i)))
            {
                if (cancellationToken.IsCancellationRequested || await RunOne(run, index) is not { } row)
                {
                    stopped = true;
                    return;
                }
                rows.Add(row);
            }
        });
        return (rows, stopped);
    }
}
