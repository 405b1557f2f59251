namespace SupplyChainSim.Cli.Tests;

/// <summary>The run of every cluster test, once in process: the bytes a cluster run must write.</summary>
public sealed class InProcessReference : IDisposable
{
    public const string Scenario = "scenarios/piecemeal-2025.json";
    public const string Months = "5";

    private readonly TempFolder temp = new();
    private readonly Lazy<Task<string>> folder;

    public InProcessReference() => folder = new(async () =>
    {
        var result = await Cli.RunAsync("run", Scenario, "--months", Months, "--out", temp.File("in-process"));
        Assert.True(result.ExitCode == 0, result.Error);
        return temp.File("in-process");
    });

    public Task<string> Folder => folder.Value;

    public void Dispose() => temp.Dispose();
}

/// <summary>
/// Real worker silo processes on a private Redis: a run on them writes the in-process run's bytes, survives losing a
/// silo (kill -9) and its own client (--resume), refuses a second run with its key, and stops cleanly when Redis goes.
/// </summary>
public class ClusterTests(InProcessReference reference) : IClassFixture<InProcessReference>
{
    private static readonly TimeSpan Minutes = TimeSpan.FromMinutes(3);

    [SkippableFact]
    public async Task A_run_and_a_sweep_on_three_silo_processes_write_the_bytes_of_the_in_process_ones()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var silos = await SiloProcesses.StartAsync(redis, 3);
        using var temp = new TempFolder();
        var result = await Cli.RunAsync("run", InProcessReference.Scenario, "--months", InProcessReference.Months, "--out", temp.File("cluster"), "--cluster", redis.Address);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("Run key piecemeal-2025-2025 on cluster supplychainsim", result.Out);
        AssertSameFiles(await reference.Folder, temp.File("cluster"));

        // Sweep points side by side and their replications each on a silo: the in-process sweep's bytes too.
        string[] sweep = ["sweep", InProcessReference.Scenario, "--set", "regime.rules[3].allowanceTpp=7915600,26900000", "--replications", "2", "--months", "2"];
        var inProcess = await Cli.RunAsync([.. sweep, "--out", temp.File("sweep-in-process")]);
        Assert.True(inProcess.ExitCode == 0, inProcess.Error);
        var clustered = await Cli.RunAsync([.. sweep, "--out", temp.File("sweep-cluster"), "--cluster", redis.Address]);
        Assert.True(clustered.ExitCode == 0, clustered.Error);
        AssertSameFiles(temp.File("sweep-in-process"), temp.File("sweep-cluster"));
    }

    [SkippableFact]
    public async Task Losing_a_silo_mid_run_to_kill_9_costs_the_months_since_the_checkpoint_and_not_a_byte()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var silos = await SiloProcesses.StartAsync(redis, 2);
        using var temp = new TempFolder();
        await using var run = LiveProcess.Start("run", InProcessReference.Scenario, "--months", InProcessReference.Months, "--out", temp.File("cluster"), "--cluster", redis.Address);
        await run.WaitForLineAsync("2025-06 ", Minutes);
        await silos.Silos[0].KillAsync();
        Assert.True(await run.ExitCodeAsync(Minutes) == 0, run.Output);
        // The run noticed the loss and went back to its checkpoint (the killed silo held some of its hundreds of grains).
        Assert.Contains("the run goes back to its last checkpoint", run.Output);
        AssertSameFiles(await reference.Folder, temp.File("cluster"));
    }

    [SkippableFact]
    public async Task A_second_run_with_a_key_in_use_is_refused_and_resume_finishes_a_run_whose_client_was_lost()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var silos = await SiloProcesses.StartAsync(redis, 2);
        using var temp = new TempFolder();
        await using (var lost = LiveProcess.Start("run", InProcessReference.Scenario, "--months", InProcessReference.Months, "--out", temp.File("cluster"),
                         "--cluster", redis.Address, "--run-key", "lost-client"))
        {
            await lost.WaitForLineAsync("2025-06 ", Minutes);
            await lost.KillAsync();
        }
        Assert.False(Directory.Exists(temp.File("cluster")));
        // The lost run holds its key: a new run with it is refused, and told how to take the lost one up.
        var second = await Cli.RunAsync("run", InProcessReference.Scenario, "--out", temp.File("second"), "--cluster", redis.Address, "--run-key", "lost-client");
        Assert.Equal(2, second.ExitCode);
        Assert.Contains("run lost-client is already on cluster supplychainsim", second.Error);
        Assert.Contains("run --resume lost-client --cluster", second.Error);
        Assert.False(Directory.Exists(temp.File("second")));

        // Two clients take it up at once: one finishes it; the other, finding it ended (or its folder taken), says so
        // without blaming the silos.
        var racing = await Task.WhenAll(Cli.RunAsync("run", "--resume", "lost-client", "--cluster", redis.Address),
            Cli.RunAsync("run", "--resume", "lost-client", "--cluster", redis.Address));
        Assert.Single(racing, r => r.ExitCode == 0);
        var other = Assert.Single(racing, r => r.ExitCode != 0);
        Assert.True(other.ExitCode is 1 or 2, other.Error);
        Assert.Matches("there is no run lost-client in progress|run lost-client is no longer in progress|is being written by another supplychainsim run", other.Error);
        Assert.DoesNotContain("once the silos are back", other.Error);
        AssertSameFiles(await reference.Folder, temp.File("cluster"));
        // The manifest is the lost client's: its command line, not the resuming one's.
        Assert.Contains("\"lost-client\"", File.ReadAllText(temp.File("cluster/manifest.json")));
        Assert.DoesNotContain("--resume", File.ReadAllText(temp.File("cluster/manifest.json")));
        var nothing = await Cli.RunAsync("run", "--resume", "lost-client", "--cluster", redis.Address);
        Assert.Equal(2, nothing.ExitCode);
        Assert.Contains("--resume: there is no run lost-client in progress", nothing.Error);
    }

    [SkippableFact]
    public async Task Redis_stopped_mid_run_ends_the_run_with_exit_1_naming_Redis_and_writes_nothing()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var silos = await SiloProcesses.StartAsync(redis, 1);
        using var temp = new TempFolder();
        await using var run = LiveProcess.Start("run", InProcessReference.Scenario, "--months", InProcessReference.Months, "--out", temp.File("cluster"), "--cluster", redis.Address);
        await run.WaitForLineAsync("2025-06 ", Minutes);
        await redis.KillAsync();
        Assert.Equal(1, await run.ExitCodeAsync(Minutes));
        Assert.Contains($"run piecemeal-2025-2025 lost the cluster's Redis ({redis.Address})", run.Output);
        Assert.Contains("Nothing was written", run.Output);
        Assert.DoesNotContain("   at ", run.Output); // no stack trace
        Assert.False(Directory.Exists(temp.File("cluster")));
        Assert.Empty(Directory.GetFileSystemEntries(temp.Path));
    }

    [SkippableFact]
    public async Task Two_clusters_on_one_Redis_are_kept_apart_by_their_service_ids()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var teamA = await SiloProcesses.StartAsync(redis, 1, "--service-id", "team-a");
        await using var teamB = await SiloProcesses.StartAsync(redis, 1, "--service-id", "team-b");
        using var temp = new TempFolder();
        // The same run key at once in both: two runs, neither refused, each with its own grains.
        await using var a = LiveProcess.Start("run", InProcessReference.Scenario, "--months", InProcessReference.Months, "--out", temp.File("a"),
            "--cluster", redis.Address, "--service-id", "team-a");
        await a.WaitForLineAsync("2025-06 ", Minutes);
        var b = await Cli.RunAsync("run", InProcessReference.Scenario, "--months", "2", "--out", temp.File("b"),
            "--cluster", redis.Address, "--service-id", "team-b");
        Assert.True(b.ExitCode == 0, b.Error);
        Assert.Contains("Run key piecemeal-2025-2025 on cluster supplychainsim (service team-b)", b.Out);
        Assert.True(await a.ExitCodeAsync(Minutes) == 0, a.Output);
        AssertSameFiles(await reference.Folder, temp.File("a"));
    }

    /// <summary>Every file the same, byte for byte, but manifest.json, which records each command's own command line.</summary>
    internal static void AssertSameFiles(string expected, string actual)
    {
        var names = Directory.GetFiles(expected).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(names, Directory.GetFiles(actual).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList());
        foreach (var name in names.Where(n => n != "manifest.json"))
            Assert.True(File.ReadAllBytes(Path.Combine(expected, name!)).SequenceEqual(File.ReadAllBytes(Path.Combine(actual, name!))), $"{name} differs");
    }
}

/// <summary>The cluster options, checked before anything starts: no Redis needed.</summary>
public class ClusterOptionTests
{
    [Theory]
    [InlineData("run scenarios/piecemeal-2025.json --run-key k", "--run-key only applies with --cluster")]
    [InlineData("run --resume k", "--resume only applies with --cluster")]
    [InlineData("run scenarios/piecemeal-2025.json --cluster-id x", "--cluster-id only applies with --cluster")]
    [InlineData("run --cluster 127.0.0.1:1", "run: expected a scenario file (or --resume <run-key> with --cluster)")]
    [InlineData("run --resume k --cluster 127.0.0.1:1 --months 3", "--resume takes up a run as it was started: drop --months")]
    [InlineData("run scenarios/piecemeal-2025.json --cluster 127.0.0.1:1 --run-key a/b", "--run-key: expected 1 to 200 letters, digits, '-', '_' or '.', found 'a/b'")]
    [InlineData("run scenarios/piecemeal-2025.json --cluster 127.0.0.1:1 --dashboard", "--dashboard watches a run on this process's own silo: drop --cluster")]
    [InlineData("silo", "Option '--cluster' is required.")]
    [InlineData("silo --cluster 127.0.0.1:1 --bind 0.0.0.0", "--bind: expected the IP address other silos reach this one at")]
    [InlineData("silo --cluster 127.0.0.1:1 --service-id a:b", "--service-id: expected 1 to 100 letters, digits, '-', '_' or '.', found 'a:b'")]
    [InlineData("sweep scenarios/piecemeal-2025.json --set seed=1,2 --out x --service-id s", "--service-id only applies with --cluster")]
    public async Task Misused_cluster_options_are_refused_by_name_with_exit_2(string line, string message)
    {
        var result = await Cli.RunAsync(line.Split(' '));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error);
    }

    [Fact]
    public async Task A_silo_bound_beyond_loopback_warns_as_the_dashboard_does()
    {
        // No Redis on port 1 (and 192.0.2.1 is no address of this machine): the silo cannot join, but the warning comes first.
        var result = await Cli.RunAsync("silo", "--cluster", "127.0.0.1:1", "--bind", "192.0.2.1");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("warning: grain calls have no authentication, and --bind 192.0.2.1 lets anyone who can reach this machine join or call the cluster", result.Error);
        Assert.Contains("the silo could not join cluster supplychainsim (service supplychainsim) on Redis 127.0.0.1:1", result.Error);
    }
}
