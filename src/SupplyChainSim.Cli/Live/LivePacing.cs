using System.Diagnostics;

namespace SupplyChainSim.Cli.Live;

/// <summary>
/// The wall-clock wait between months of a watched run, which the page can pause, resume or step one month at a
/// time. It only decides when the next month starts, never what happens in it, so results do not depend on it.
/// Requests arrive from web requests, the wait from the run's loop: a lock keeps them apart.
/// </summary>
public sealed class LivePacing(TimeSpan pace)
{
    private readonly Lock gate = new();
    private bool paused;
    private int steps;
    private TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Called with the new setting whenever it changes, so that watchers see it.</summary>
    public event Action<bool>? PausedChanged;

    public TimeSpan Pace { get; } = pace;

    public bool Paused
    {
        get
        {
            lock (gate) return paused;
        }
    }

    /// <summary>Holds the run after the month it is in (or, during a wait, the month on screen) until resumed or stepped.</summary>
    public void Pause() => Change(() => paused = true);

    public void Resume() => Change(() =>
    {
        paused = false;
        steps = 0;
    });

    /// <summary>Lets exactly one more month run, then holds again (pausing a run that was going on its own).</summary>
    public void Step() => Change(() =>
    {
        paused = true;
        steps++;
    });

    /// <summary>
    /// Waits after a month: the pace while running, for as long as it is paused, and returns at once for a step.
    /// </summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Task signal;
            TimeSpan? left;
            lock (gate)
            {
                if (paused && steps > 0)
                {
                    steps--;
                    return;
                }
                left = paused ? null : Pace - clock.Elapsed;
                if (left <= TimeSpan.Zero) return;
                signal = changed.Task;
            }
            try
            {
                await (left is { } wait ? signal.WaitAsync(wait, cancellationToken) : signal.WaitAsync(cancellationToken));
            }
            catch (TimeoutException)
            {
                // The pace is over: the next month may start.
            }
        }
    }

    private void Change(Action change)
    {
        bool now;
        TaskCompletionSource signal;
        lock (gate)
        {
            change();
            now = paused;
            signal = changed;
            changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        signal.SetResult();
        PausedChanged?.Invoke(now);
    }
}
