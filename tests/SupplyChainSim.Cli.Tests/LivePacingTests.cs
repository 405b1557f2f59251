using System.Diagnostics;
using SupplyChainSim.Cli.Live;

namespace SupplyChainSim.Cli.Tests;

/// <summary>The wait between months of a watched run: the pace, a pause that holds, a step that lets one month through.</summary>
public class LivePacingTests
{
    private static readonly TimeSpan Held = TimeSpan.FromMilliseconds(600);

    [Fact]
    public async Task Running_it_waits_the_pace()
    {
        var pacing = new LivePacing(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();
        await pacing.WaitAsync(CancellationToken.None);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(290), TimeSpan.FromSeconds(5));
        Assert.False(pacing.Paused);
    }

    [Fact]
    public async Task A_pause_holds_past_the_pace_until_resumed()
    {
        var pacing = new LivePacing(TimeSpan.Zero);
        pacing.Pause();
        var wait = pacing.WaitAsync(CancellationToken.None);
        await Task.Delay(Held);
        Assert.False(wait.IsCompleted);
        pacing.Resume();
        await wait.WaitAsync(TimeSpan.FromSeconds(5));
        await pacing.WaitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5)); // and goes on at the pace
    }

    [Fact]
    public async Task A_pause_during_the_wait_holds_the_month_on_screen()
    {
        var pacing = new LivePacing(TimeSpan.FromMilliseconds(200));
        var wait = pacing.WaitAsync(CancellationToken.None);
        pacing.Pause();
        await Task.Delay(Held);
        Assert.False(wait.IsCompleted);
        pacing.Resume();
        await wait.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_step_lets_exactly_one_month_through_then_holds_again()
    {
        var pacing = new LivePacing(TimeSpan.Zero);
        pacing.Pause();
        var first = pacing.WaitAsync(CancellationToken.None);
        await Task.Delay(100);
        Assert.False(first.IsCompleted);
        pacing.Step();
        await first.WaitAsync(TimeSpan.FromSeconds(5));
        var second = pacing.WaitAsync(CancellationToken.None);
        await Task.Delay(Held);
        Assert.False(second.IsCompleted);
        Assert.True(pacing.Paused);
        pacing.Step();
        await second.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_step_while_running_ends_the_wait_and_holds_after_the_next_month()
    {
        var pacing = new LivePacing(TimeSpan.FromMinutes(10));
        var wait = pacing.WaitAsync(CancellationToken.None);
        pacing.Step();
        await wait.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(pacing.Paused);
        var next = pacing.WaitAsync(CancellationToken.None);
        await Task.Delay(Held);
        Assert.False(next.IsCompleted);
        pacing.Resume();
        Assert.False(pacing.Paused);
    }

    [Fact]
    public async Task Ctrl_C_ends_a_paused_wait()
    {
        var pacing = new LivePacing(TimeSpan.Zero);
        pacing.Pause();
        using var stop = new CancellationTokenSource();
        var wait = pacing.WaitAsync(stop.Token);
        stop.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait.WaitAsync(TimeSpan.FromSeconds(5)));
    }
}
