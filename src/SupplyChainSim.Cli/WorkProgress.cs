using Spectre.Console;

namespace SupplyChainSim.Cli;

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
