using System.Diagnostics;
using Xunit.Abstractions;

using SupplyChainSim.Runs;

namespace SupplyChainSim.Cli.Tests;

/// <summary>
/// The faults a cluster meets, with real silo processes on a private Redis: a silo killed (kill -9) or frozen (SIGSTOP
/// for 40 s, as a long pause or a suspended machine would) costs a run seconds against the same run undisturbed,
/// measured in the same test, and not a byte; a silo the cluster declared dead, or whose entry a Redis restarted empty
/// lost, exits with one line for its supervisor to restart it; a Redis with a password keeps it out of every output.
/// </summary>
public class ClusterFaultTests(InProcessReference reference, ITestOutputHelper log) : IClassFixture<InProcessReference>
{
    private static readonly TimeSpan Minutes = TimeSpan.FromMinutes(3);

    /// <summary>What a fault may cost a run on top of the undisturbed run's time.</summary>
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(60);

    [SkippableFact]
    public async Task Eight_replications_with_a_silo_killed_mid_way_finish_within_60_s_of_the_undisturbed_run_with_the_same_bytes()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var silos = await SiloProcesses.StartAsync(redis, 2);
        using var temp = new TempFolder();
        string[] run = ["run", InProcessReference.Scenario, "--months", "6", "--replications", "8", "--cluster", redis.Address];

        var clock = Stopwatch.StartNew();
        var undisturbed = await Cli.RunAsync([.. run, "--out", temp.File("undisturbed")]);
        var undisturbedTime = clock.Elapsed;
        Assert.True(undisturbed.ExitCode == 0, undisturbed.Error);

        clock.Restart();
        await using var disturbed = LiveProcess.Start([.. run, "--out", temp.File("disturbed")]);
        // The first replication is done and the others are under way on both silos: one of them goes.
        await disturbed.WaitForLineAsync("done, 1 of 8", Minutes);
        await silos.Silos[0].KillAsync();
        Assert.True(await disturbed.ExitCodeAsync(Minutes) == 0, disturbed.Output);
        var disturbedTime = clock.Elapsed;

        Assert.Contains("; it is run again from its first month", disturbed.Output);
        AssertWithinSlack("8 replications with a silo killed", undisturbedTime, disturbedTime, disturbed.Output);
        ClusterTests.AssertSameFiles(temp.File("undisturbed"), temp.File("disturbed"));
    }

    [SkippableFact]
    public async Task A_silo_frozen_for_40_s_costs_a_run_under_60_s_and_exits_with_one_line_when_it_thaws()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var silos = await SiloProcesses.StartAsync(redis, 2);
        using var temp = new TempFolder();
        string[] run = ["run", InProcessReference.Scenario, "--months", InProcessReference.Months, "--cluster", redis.Address];

        var clock = Stopwatch.StartNew();
        var undisturbed = await Cli.RunAsync([.. run, "--out", temp.File("undisturbed"), "--run-key", "undisturbed"]);
        var undisturbedTime = clock.Elapsed;
        Assert.True(undisturbed.ExitCode == 0, undisturbed.Error);

        clock.Restart();
        await using var frozen = LiveProcess.Start([.. run, "--out", temp.File("frozen"), "--run-key", "frozen"]);
        await frozen.WaitForLineAsync("2025-06 ", Minutes);
        // SIGSTOP: the silo's connections stay open and nothing answers, as in a long GC pause or a suspended machine.
        var silo = silos.Silos[0];
        await silo.SignalAsync("STOP");
        var frozenAt = clock.Elapsed;
        Assert.True(await frozen.ExitCodeAsync(Minutes) == 0, frozen.Output);
        var frozenTime = clock.Elapsed;
        Assert.Contains("; the run goes back to its last checkpoint", frozen.Output);
        AssertWithinSlack("a run with a silo frozen", undisturbedTime, frozenTime, frozen.Output);
        ClusterTests.AssertSameFiles(await reference.Folder, temp.File("frozen"));

        // Thawed after 40 s, the silo finds itself declared dead: one line, exit 1, for its supervisor to start it again.
        var thaw = frozenAt + TimeSpan.FromSeconds(40) - clock.Elapsed;
        if (thaw > TimeSpan.Zero) await Task.Delay(thaw);
        await silo.SignalAsync("CONT");
        Assert.Equal(SiloEviction.ExitCode, await silo.ExitCodeAsync(TimeSpan.FromSeconds(60)));
        var last = silo.Output.TrimEnd().Split('\n')[^1];
        Assert.StartsWith("supplychainsim: silo 127.0.0.1:", last);
        Assert.Contains("stops: the cluster declared it dead", last);
        Assert.EndsWith("Start it again to rejoin the cluster (exit 1).", last);
        Assert.DoesNotContain("   at ", silo.Output);
        Assert.DoesNotContain("FATAL", silo.Output);
    }

    [SkippableFact]
    public async Task After_Redis_restarts_empty_the_silos_exit_with_one_line_within_60_s_resume_says_the_run_is_gone_and_new_silos_run_it()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var silos = await SiloProcesses.StartAsync(redis, 2);
        using var temp = new TempFolder();
        await using (var lost = LiveProcess.Start("run", InProcessReference.Scenario, "--months", InProcessReference.Months, "--out", temp.File("lost"),
                         "--cluster", redis.Address, "--run-key", "lost"))
        {
            await lost.WaitForLineAsync("2025-06 ", Minutes);
            await lost.KillAsync();
        }

        var clock = Stopwatch.StartNew();
        await redis.RestartEmptyAsync();
        // Each silo finds its membership entry gone and exits, saying why, instead of running on outside any cluster.
        foreach (var silo in silos.Silos)
        {
            Assert.Equal(SiloEviction.ExitCode, await silo.ExitCodeAsync(Slack));
            Assert.Contains("no longer holds its membership entry: Redis restarted without its data", silo.Output.TrimEnd().Split('\n')[^1]);
            Assert.False(silo.Output.Contains("   at ", StringComparison.Ordinal), silo.Output);
        }
        log.WriteLine($"both silos exited {clock.Elapsed.TotalSeconds:0.0} s after Redis restarted empty");

        // Started again, as a supervisor would, they make a new cluster: --resume says the run went with Redis' data.
        await using var restarted = await SiloProcesses.StartAsync(redis, 2);
        var resume = await Cli.RunAsync("run", "--resume", "lost", "--cluster", redis.Address);
        Assert.Equal(2, resume.ExitCode);
        Assert.Contains("--resume: there is no run lost in progress", resume.Error);
        Assert.Contains($"Or Redis lost it: Redis {redis.Address} has been up for", resume.Error);
        Assert.Contains("keeps nothing on disk, so a run begun before it last started is gone with its checkpoints and must be run again", resume.Error);

        var again = await Cli.RunAsync("run", InProcessReference.Scenario, "--months", InProcessReference.Months, "--out", temp.File("again"),
            "--cluster", redis.Address, "--run-key", "lost");
        Assert.True(again.ExitCode == 0, again.Error);
        log.WriteLine($"a new run on new silos succeeded {clock.Elapsed.TotalSeconds:0.0} s after Redis restarted empty");
        ClusterTests.AssertSameFiles(await reference.Folder, temp.File("again"));
        Assert.False(Directory.Exists(temp.File("lost")));
    }

    [SkippableFact]
    public async Task A_Redis_password_is_in_no_file_of_a_run_and_no_output_and_a_silo_without_it_says_where_to_give_it()
    {
        const string Password = "pw-Zq81x-never-printed";
        await using var redis = await RedisServer.StartAsync("--requirepass", Password);
        var environment = new Dictionary<string, string> { [ClusterConnection.PasswordVariable] = Password };
        await using var silos = await SiloProcesses.StartAsync(redis, 1, environment);
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("redis-password"), Password + "\n");

        // The worst case, the password in --cluster: warned about, and recorded as password=*** in manifest.json.
        var inline = await Cli.RunAsync("run", InProcessReference.Scenario, "--months", InProcessReference.Months, "--out", temp.File("inline"),
            "--cluster", $"{redis.Address},password={Password}", "--run-key", "inline");
        Assert.True(inline.ExitCode == 0, inline.Error);
        Assert.Contains("warning: the Redis password in --cluster can be read by every user of this machine", inline.Error);
        Assert.Contains($"\"{redis.Address},password=***\"", File.ReadAllText(temp.File("inline/manifest.json")));
        // The hint to resume cannot carry the password: it says where it goes.
        Assert.Contains($"run --resume inline --cluster {redis.Address}` (with the Redis password in {ClusterConnection.PasswordVariable} or in a file given as --cluster-password-file)", inline.Out);

        // From a file: the hint names the file, which holds no secret in its name.
        var fromFile = await Cli.RunAsync("run", InProcessReference.Scenario, "--months", InProcessReference.Months, "--out", temp.File("from-file"),
            "--cluster", redis.Address, "--cluster-password-file", temp.File("redis-password"), "--run-key", "from-file");
        Assert.True(fromFile.ExitCode == 0, fromFile.Error);
        Assert.Contains($"--cluster {redis.Address} --cluster-password-file {temp.File("redis-password")}` finishes it", fromFile.Out);

        // A silo without the password, or with a wrong one: one line, naming where to give it.
        var without = await Cli.RunAsync("silo", "--cluster", redis.Address);
        var wrong = await Cli.RunAsync(new Cli.Options(Environment: new Dictionary<string, string> { [ClusterConnection.PasswordVariable] = "wrong-" + Password }),
            "silo", "--cluster", redis.Address);
        foreach (var (refused, what) in new[] { (without, "asks for a password"), (wrong, "refused the password") })
        {
            Assert.Equal(1, refused.ExitCode);
            var line = Assert.Single(refused.Error.Trim().Split('\n'));
            Assert.StartsWith($"supplychainsim: the silo could not join cluster supplychainsim (service supplychainsim) on Redis {redis.Address}", line);
            Assert.Contains($"Redis {redis.Address} {what}: give it in {ClusterConnection.PasswordVariable} or in a file given as --cluster-password-file", line);
        }

        ClusterTests.AssertSameFiles(await reference.Folder, temp.File("inline"));
        ClusterTests.AssertSameFiles(await reference.Folder, temp.File("from-file"));
        foreach (var file in Directory.EnumerateFiles(temp.Path, "*", SearchOption.AllDirectories).Where(f => f != temp.File("redis-password")))
            Assert.DoesNotContain(Password, File.ReadAllText(file));
        foreach (var output in new[] { inline.Out, inline.Error, fromFile.Out, fromFile.Error, without.Out, without.Error, wrong.Out, wrong.Error, silos.Silos[0].Output })
            Assert.DoesNotContain(Password, output);
    }

    /// <summary>What a fault cost, in the test's output, and held to <see cref="Slack"/> over the same work undisturbed.</summary>
    private void AssertWithinSlack(string what, TimeSpan undisturbed, TimeSpan disturbed, string output)
    {
        log.WriteLine($"{what}: {disturbed.TotalSeconds:0.0} s, undisturbed {undisturbed.TotalSeconds:0.0} s");
        Assert.True(disturbed < undisturbed + Slack, $"{what} took {disturbed.TotalSeconds:0} s, undisturbed {undisturbed.TotalSeconds:0} s\n{output}");
    }
}
