using System.Globalization;
using Spectre.Console;
using SupplyChainSim.Reports;
using SupplyChainSim.Runs;

namespace SupplyChainSim.Cli;

/// <summary>
/// A comparison's or a sweep's progress on the console: the bar names the regime under way and counts replications;
/// when output is redirected, a line per finished regime instead.
/// </summary>
/// <param name="finished">Called as each regime finishes (tests cancel from here).</param>
internal sealed class RegimeProgressLines(IAnsiConsole console, WorkProgress progress, int regimes, Action<RegimeOutcome>? finished) : IRegimeProgress
{
    public void Starting(RegimeRun run, int index) => progress.Describe(TerminalText.Safe($"{run.Label} ({index + 1} of {regimes})"));

    public void Replicated() => progress.Step();

    public void Finished(RegimeOutcome row, int index)
    {
        if (!progress.Interactive)
            console.WriteLine(TerminalText.Safe($"{row.Label} done, {index + 1} of {regimes}: P(breach) {row.MonteCarlo.BreachProbability.ToString("0.000", CultureInfo.InvariantCulture)}, " +
                $"first breach {row.MonteCarlo.FirstBreachMedian?.ToString() ?? "none"}"));
        finished?.Invoke(row);
    }
}
