using System.Diagnostics;
using Spectre.Console;

namespace SupplyChainSim.Cli;

/// <summary>
/// Progress of replications: a Spectre.Console bar with the rate and the estimated time left when the console is
/// interactive; when output is redirected, nothing here (callers print a plain line per finished item, with
/// <see cref="Rate"/>).
/// </summary>
internal sealed class WorkProgress
{
    private readonly ProgressTask? task;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private int steps;

    private WorkProgress(ProgressTask? task) => this.task = task;

    public bool Interactive => task is not null;

    /// <summary>One more replication finished.</summary>
    public void Step()
    {
        Interlocked.Increment(ref steps);
        task?.Increment(1);
    }

    /// <summary>Replications finished per second so far, as the progress line shows it.</summary>
    public string Rate => RateColumn.Text(Volatile.Read(ref steps), clock.Elapsed);

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
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RateColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(progress => work(new WorkProgress(progress.AddTask(Markup.Escape(description), maxValue: steps))));
    }
}
