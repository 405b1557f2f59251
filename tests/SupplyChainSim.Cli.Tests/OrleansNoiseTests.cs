using Microsoft.Extensions.Logging;
using SupplyChainSim.Runs;

namespace SupplyChainSim.Cli.Tests;

/// <summary>Orleans' warnings that a command-line user can do nothing about stay off standard error; its errors do not.</summary>
public class OrleansNoiseTests
{
    [Fact]
    public void The_thread_pool_stall_long_turn_and_non_graceful_shutdown_warnings_are_filtered_and_errors_are_not()
    {
        using var factory = LoggerFactory.Create(logging => SimulationHost.Configure(logging).Started());
        // ".NET Thread Pool execution stalled", "Task ... took elapsed time 0:00:01.024 for execution", "Silo shutdown
        // completed (non-graceful)" and "'Orleans.Runtime.Silo' stopped in stage 'GrainDeactivation (19998)' in
        // '00:00:01.9104271'" come from these.
        // "Timer should have fired at ... which is 00:00:03.58 longer than expected" from the runtime's timers, each its own category.
        foreach (var category in new[] { "Orleans.Runtime.MembershipService.LocalSiloHealthMonitor", "Orleans.Runtime.Scheduler.WorkItemGroup", "Orleans.Runtime.Silo",
                     "Orleans.Runtime.SiloLifecycleSubject", "Orleans.Runtime.AsyncTimer.LocalSiloHealthMonitor", "Orleans.Runtime.AsyncTimer.ActivationWorkingSet.MonitorWorkingSet",
                     "Orleans.Runtime.Messaging.Connection", "Orleans.Runtime.Messaging.ConnectionManager" })
        {
            var logger = factory.CreateLogger(category);
            Assert.False(logger.IsEnabled(LogLevel.Warning), category);
            Assert.True(logger.IsEnabled(LogLevel.Error), category);
        }
        // Only those: a category that merely starts with the same text, and the rest of Orleans, still warn.
        foreach (var category in new[] { "Orleans.Runtime.SiloControl", "Orleans.Runtime.Messaging.MessageCenter", "SupplyChainSim.Grains.CountryGrain", "Orleans.Runtime.AsyncTimerFactory" })
        {
            Assert.True(factory.CreateLogger(category).IsEnabled(LogLevel.Warning), category);
            Assert.False(factory.CreateLogger(category).IsEnabled(LogLevel.Information), category);
        }
        Assert.False(factory.CreateLogger("Orleans.Runtime.Watchdog").IsEnabled(LogLevel.Warning));
    }

    [Fact]
    public async Task A_sweep_writes_nothing_from_Orleans_on_standard_error()
    {
        using var temp = new TempFolder();
        var sweep = await Cli.RunAsync("sweep", "scenarios/piecemeal-2025.json", "--set", "regime.rules[3].allowanceTpp=7915600,26900000",
            "--replications", "4", "--months", "6", "--out", temp.File("sweep"));
        Assert.True(sweep.ExitCode == 0, sweep.Error);
        Assert.Equal("", sweep.Error);
    }

    [Fact]
    public async Task Ctrl_C_during_replications_stops_without_a_shutdown_warning()
    {
        using var temp = new TempFolder();
        await using var run = LiveProcess.Start("run", "scenarios/piecemeal-2025.json", "--replications", "400", "--out", temp.File("out"));
        await run.WaitForLineAsync("replication ", TimeSpan.FromSeconds(120));
        Assert.Equal(130, await run.InterruptAsync());
        Assert.Contains("supplychainsim: cancelled; no results were written", run.Output);
        Assert.DoesNotContain("warn:", run.Output);
        Assert.DoesNotContain("non-graceful", run.Output);
        Assert.False(Directory.Exists(temp.File("out")));
    }

    [Fact]
    public void While_a_host_starts_Orleans_logs_nothing_below_critical_and_the_membership_protocol_never_logs_errors()
    {
        StartupLogs? starting = null;
        using var factory = LoggerFactory.Create(logging => starting = SimulationHost.Configure(logging));
        // A start that fails (a wrong Redis password, Ctrl+C) is the command's to report, once: not each stage of it.
        Assert.False(factory.CreateLogger("Orleans.Runtime.Silo").IsEnabled(LogLevel.Error));
        Assert.True(factory.CreateLogger("Orleans.Runtime.Silo").IsEnabled(LogLevel.Critical));
        Assert.True(factory.CreateLogger("SupplyChainSim.Cli").IsEnabled(LogLevel.Warning));
        starting!.Started();
        Assert.True(factory.CreateLogger("Orleans.Runtime.Silo").IsEnabled(LogLevel.Error));
        // A silo lost, declared dead or orphaned by Redis: each said in one line of the command's own.
        foreach (var category in SimulationHost.SilentCategories) Assert.False(factory.CreateLogger(category).IsEnabled(LogLevel.Error), category);
    }

    [Fact]
    public async Task Ctrl_C_while_the_in_process_silo_starts_stops_with_one_line_and_no_stack_trace()
    {
        using var temp = new TempFolder();
        await using var run = LiveProcess.Start("run", "scenarios/piecemeal-2025.json", "--months", "2", "--out", temp.File("out"));
        // The month header is printed just before the silo starts: Ctrl+C lands while it starts.
        await run.WaitForLineAsync("month ", TimeSpan.FromSeconds(60));
        Assert.Equal(130, await run.InterruptAsync());
        Assert.EndsWith("supplychainsim: cancelled; no results were written for the unfinished run.", run.Output.TrimEnd());
        Assert.DoesNotContain("fail:", run.Output);
        Assert.DoesNotContain("   at ", run.Output);
        Assert.False(Directory.Exists(temp.File("out")));
    }
}
