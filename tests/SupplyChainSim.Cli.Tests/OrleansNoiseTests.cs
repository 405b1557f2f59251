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

    /// <summary>A run of piecemeal-2025 stopped with Ctrl+C once it prints <paramref name="line"/>: exit 130 and nothing written; what it printed.</summary>
    private static async Task<string> InterruptedAt(string line, params string[] options)
    {
        using var temp = new TempFolder();
        await using var run = LiveProcess.Start(["run", "scenarios/piecemeal-2025.json", .. options, "--out", temp.File("out")]);
        await run.WaitForLineAsync(line, TimeSpan.FromSeconds(120));
        Assert.Equal(130, await run.InterruptAsync());
        Assert.False(Directory.Exists(temp.File("out")));
        return run.Output;
    }

    [Fact]
    public async Task Ctrl_C_during_replications_stops_without_a_shutdown_warning()
    {
        var output = await InterruptedAt("replication ", "--replications", "400");
        Assert.Contains("supplychainsim: cancelled; no results were written", output);
        Assert.DoesNotContain("warn:", output);
        Assert.DoesNotContain("non-graceful", output);
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
        // The month header is printed just before the silo starts: Ctrl+C lands while it starts.
        var output = await InterruptedAt("month ", "--months", "2");
        Assert.EndsWith("supplychainsim: cancelled; no results were written for the unfinished run.", output.TrimEnd());
        Assert.DoesNotContain("fail:", output);
        Assert.DoesNotContain("   at ", output);
    }
}
