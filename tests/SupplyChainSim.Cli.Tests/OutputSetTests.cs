using SupplyChainSim.Cli.OutputFolders;
using SupplyChainSim.Output;

namespace SupplyChainSim.Cli.Tests;

/// <summary>
/// The output set of a real `run` in a folder <c>out</c> of a test folder (the program runs there, so the command line,
/// and with it manifest.json, is the same in every test folder): the old set is the scenario's first 2 months, the new
/// set its first 3. Made once, as references.
/// </summary>
public sealed class CommitSets : IAsyncLifetime
{
    public static readonly string Scenario = LiveObservationTests.Scenario;

    public static readonly string[] OldRun = ["run", Scenario, "--months", "2", "--out", "out"];

    public static readonly string[] NewRun = ["run", Scenario, "--months", "3", "--out", "out"];

    public IReadOnlyDictionary<string, byte[]> Old { get; private set; } = new Dictionary<string, byte[]>();

    public IReadOnlyDictionary<string, byte[]> New { get; private set; } = new Dictionary<string, byte[]>();

    public async Task InitializeAsync()
    {
        Old = await Make(OldRun);
        New = await Make(NewRun);
        Assert.NotEqual(Old[ResultFiles.Summary], New[ResultFiles.Summary]);
    }

    private static async Task<IReadOnlyDictionary<string, byte[]>> Make(string[] args)
    {
        using var temp = new TempFolder();
        var result = await Cli.RunAsync(new Cli.Options(temp.Path), args);
        Assert.True(result.ExitCode == 0, result.Error);
        return Folder.Read(temp.File("out"));
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

/// <summary>What a folder holds, by name (hidden entries included), as bytes.</summary>
public static class Folder
{
    public static IReadOnlyDictionary<string, byte[]> Read(string folder) => !Directory.Exists(folder)
        ? new SortedDictionary<string, byte[]>(StringComparer.Ordinal)
        : new SortedDictionary<string, byte[]>(Directory.EnumerateFileSystemEntries(folder).ToDictionary(p => Path.GetFileName(p), p =>
            Directory.Exists(p) ? "(a folder)"u8.ToArray() : File.ReadAllBytes(p)), StringComparer.Ordinal);

    public static void Write(string folder, IReadOnlyDictionary<string, byte[]> files)
    {
        Directory.CreateDirectory(folder);
        foreach (var (name, bytes) in files) File.WriteAllBytes(Path.Combine(folder, name), bytes);
    }

    public static void AssertHolds(IReadOnlyDictionary<string, byte[]> expected, string folder, string what)
    {
        var actual = Read(folder);
        var names = expected.Keys.Order(StringComparer.Ordinal).ToList();
        Assert.True(names.SequenceEqual(actual.Keys), $"{what}: expected [{string.Join(", ", names)}], found [{string.Join(", ", actual.Keys)}]");
        foreach (var (name, bytes) in expected) Assert.True(bytes.AsSpan().SequenceEqual(actual[name]), $"{what}: {name} differs");
    }

    /// <summary>Every file under <paramref name="folder"/>, by relative path, with its SHA-256: to show nothing changed.</summary>
    public static SortedDictionary<string, string> Snapshot(string folder) => new(
        Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories).ToDictionary(p => Path.GetRelativePath(folder, p),
            p => Directory.Exists(p) ? "(a folder)" : Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(p)))),
        StringComparer.Ordinal);

    /// <summary>Every entry of <paramref name="parent"/>: after a run, its output folder alone (no staging folder, no lock file).</summary>
    public static IEnumerable<string> Entries(string parent) =>
        Directory.EnumerateFileSystemEntries(parent).Select(p => Path.GetFileName(p)!).Order(StringComparer.Ordinal);
}

/// <summary>Crashes, concurrent runs, failures and Ctrl+C while the output set is committed.</summary>
public class OutputSetTests(CommitSets sets) : IClassFixture<CommitSets>
{
    private static Dictionary<string, string> Seams(params (string Name, string Value)[] seams) =>
        seams.ToDictionary(s => "SUPPLYCHAINSIM_TEST_" + s.Name, s => s.Value);

    public static TheoryData<string, bool> Steps()
    {
        var data = new TheoryData<string, bool>();
        foreach (var step in OutputSet.ExchangeSteps) data.Add(step, false);
        foreach (var step in OutputSet.FallbackSteps) data.Add(step, true);
        return data;
    }

    [Theory]
    [MemberData(nameof(Steps))]
    public async Task Killed_at_any_step_of_the_commit_the_folder_holds_the_old_set_or_the_new_one_whole(string step, bool fallback)
    {
        using var temp = new TempFolder();
        var output = temp.File("out");
        Folder.Write(output, sets.Old);
        (string, string)[] mode = fallback ? [("NO_EXCHANGE", "1")] : [];

        var killed = await Cli.RunAsync(new Cli.Options(temp.Path, Seams([("KILL_AT", step), .. mode])), CommitSets.NewRun);
        Assert.True(killed.ExitCode == 137, $"expected SIGKILL at {step}, got exit {killed.ExitCode}: {killed.Error}");

        // The new set counts from the step that switches it in; before that, the old set stays.
        var steps = (fallback ? OutputSet.FallbackSteps : OutputSet.ExchangeSteps).ToList();
        var switchedIn = steps.IndexOf(step) >= steps.IndexOf(fallback ? "moved-aside" : "switched");
        var expected = switchedIn ? sets.New : sets.Old;
        // With the one-step swap that holds the moment the process dies; the fallback's one gap, between its two
        // renames (the folder moved aside, the new set not yet in), is closed by the next run on the folder.
        if (!fallback) Folder.AssertHolds(expected, output, $"right after a kill at {step}");
        else if (step != "moved-aside") Folder.AssertHolds(expected, output, $"right after a kill at {step} (fallback)");

        // The next run first completes or removes what the crash left. Stopped by a failure before it switches its own
        // set in, it shows what a user finds: one set, whole, and nothing hidden beside it.
        var next = await Cli.RunAsync(new Cli.Options(temp.Path, Seams([("FAIL_AT", "staged"), .. mode])), CommitSets.NewRun);
        Assert.Equal(1, next.ExitCode);
        Assert.Contains("No space left on device", next.Error);
        Folder.AssertHolds(expected, output, $"after the next run, killed at {step}{(fallback ? " (fallback)" : "")}");
        Assert.Equal(["out"], Folder.Entries(temp.Path));
    }

    [Theory]
    [InlineData("staged", false)]
    [InlineData("switched", true)]
    public async Task Killed_while_committing_a_first_set_the_folder_is_missing_or_whole(string step, bool switchedIn)
    {
        using var temp = new TempFolder();
        var killed = await Cli.RunAsync(new Cli.Options(temp.Path, Seams(("KILL_AT", step))), CommitSets.NewRun);
        Assert.Equal(137, killed.ExitCode);
        Folder.AssertHolds(switchedIn ? sets.New : new Dictionary<string, byte[]>(), temp.File("out"), $"after a kill at {step}");

        var next = await Cli.RunAsync(new Cli.Options(temp.Path), CommitSets.NewRun);
        Assert.True(next.ExitCode == 0, next.Error);
        Folder.AssertHolds(sets.New, temp.File("out"), "after the next run");
        Assert.Equal(["out"], Folder.Entries(temp.Path));
    }

    [Fact]
    public async Task A_failure_while_writing_exits_1_removes_the_new_set_and_leaves_the_earlier_one_whole()
    {
        using var temp = new TempFolder();
        Folder.Write(temp.File("out"), sets.Old);

        // A full disk after the first file: the IOException it would raise.
        var result = await Cli.RunAsync(new Cli.Options(temp.Path, Seams(("FAIL_AT", "writing"))), CommitSets.NewRun);

        Assert.Equal(1, result.ExitCode);
        var message = result.Error.Trim().Split('\n')[^1];
        Assert.StartsWith($"supplychainsim: could not write the results to {temp.File("out")}: No space left on device", message);
        Assert.EndsWith("the earlier results there are as they were.", message);
        Assert.DoesNotContain("   at ", result.Error);
        Folder.AssertHolds(sets.Old, temp.File("out"), "after a failed write");
        Assert.Equal(["out"], Folder.Entries(temp.Path));
    }

    [Fact]
    public async Task Ctrl_C_while_the_results_are_written_finishes_them_whole_and_exits_130()
    {
        using var temp = new TempFolder();
        Folder.Write(temp.File("out"), sets.Old);

        var result = await Cli.RunAsync(new Cli.Options(temp.Path, Seams(("INTERRUPT_AT", "staged"))), CommitSets.NewRun);

        Assert.Equal(130, result.ExitCode);
        Assert.Contains($"supplychainsim: cancelled while the results were being written; they were written whole to {temp.File("out")}.", result.Error);
        Folder.AssertHolds(sets.New, temp.File("out"), "after Ctrl+C while writing");
        Assert.Equal(["out"], Folder.Entries(temp.Path));
    }

    [Fact]
    public async Task A_second_run_on_a_folder_in_use_exits_1_at_once_naming_the_folder_and_the_process_and_writes_nothing()
    {
        using var temp = new TempFolder();
        var output = temp.File("out");
        // The first run holds the folder for a few paced seconds (a watched run), from before its first month to its files.
        await using var first = LiveProcess.Start("run", CommitSets.Scenario, "--months", "6", "--dashboard", "--port", "0", "--pace", "1s", "--out", output);
        await first.WaitForLineAsync("Live world:", TimeSpan.FromSeconds(60));

        var second = await Cli.RunAsync("run", CommitSets.Scenario, "--months", "2", "--out", output);

        Assert.Equal(1, second.ExitCode);
        Assert.Contains($"supplychainsim: {output} is being written by another supplychainsim run (process {first.Id}, lock {Path.Combine(temp.Path, ".out.lock")}); " +
            "nothing was run or written.", second.Error);
        Assert.DoesNotContain("month ", second.Out);
        Assert.False(Directory.Exists(output), "the second run wrote nothing");
        // The first run's own new set is staged beside the folder as it goes (its licences.csv is written month by month).
        Assert.DoesNotContain(Folder.Entries(temp.Path), e => e.Contains(".new-", StringComparison.Ordinal) && e != $".out.new-{first.Id}");

        await first.WaitForLineAsync("still serving", TimeSpan.FromSeconds(60));
        Assert.Equal(0, await first.InterruptAsync());
        var written = Folder.Read(output);
        Assert.Equal(RunOutputs.Names(withReplications: false).Order(StringComparer.Ordinal), written.Keys);
        Assert.Contains("\"months\": 6,", System.Text.Encoding.UTF8.GetString(written[ResultFiles.Summary]));
        Assert.Equal(["out"], Folder.Entries(temp.Path));
    }

    [Fact]
    public async Task The_set_is_exactly_what_the_run_writes_nothing_of_an_earlier_run_remains()
    {
        using var temp = new TempFolder();
        var replicated = await Cli.RunAsync(new Cli.Options(temp.Path), [.. CommitSets.OldRun, "--replications", "3"]);
        Assert.True(replicated.ExitCode == 0, replicated.Error);
        Assert.True(File.Exists(temp.File("out/replications.csv")));

        var plain = await Cli.RunAsync(new Cli.Options(temp.Path), CommitSets.NewRun);

        Assert.True(plain.ExitCode == 0, plain.Error);
        Folder.AssertHolds(sets.New, temp.File("out"), "after a plain run over a replicated one");
    }

    [Theory]
    [InlineData("notes.txt")]
    [InlineData("manifest.json")]
    public async Task A_folder_holding_anything_but_an_earlier_output_set_is_refused_and_left_as_it_is(string userFile)
    {
        using var temp = new TempFolder();
        var output = temp.File("out");
        // An output set with a file of the user's beside it, or a manifest.json the tool did not write.
        Folder.Write(output, sets.Old);
        await File.WriteAllTextAsync(Path.Combine(output, userFile), "my notes on this run\n");
        var before = Folder.Read(output);

        var result = await Cli.RunAsync(new Cli.Options(temp.Path), CommitSets.NewRun);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"supplychainsim: --out {output}: holds ", result.Error);
        Assert.Contains(userFile, result.Error);
        Assert.Contains("that no earlier run of supplychainsim wrote there", result.Error);
        Assert.DoesNotContain("month ", result.Out);
        Folder.AssertHolds(before, output, "a refused folder");
        Assert.Equal(["out"], Folder.Entries(temp.Path));
    }

    [Fact]
    public async Task A_file_put_into_the_folder_while_the_run_goes_on_is_not_lost()
    {
        using var temp = new TempFolder();
        var output = temp.File("out");
        Folder.Write(output, sets.Old);
        await using var run = LiveProcess.Start("run", CommitSets.Scenario, "--months", "3", "--dashboard", "--port", "0", "--pace", "1s", "--out", output);
        await run.WaitForLineAsync("Live world:", TimeSpan.FromSeconds(60));
        await File.WriteAllTextAsync(Path.Combine(output, "notes.txt"), "written while the run went on\n");

        Assert.Equal(2, await run.ExitCodeAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("holds notes.txt that no earlier run of supplychainsim wrote there", run.Output);
        Assert.Contains("The results were not written.", run.Output);
        Folder.AssertHolds(sets.Old.Append(new("notes.txt", "written while the run went on\n"u8.ToArray())).ToDictionary(f => f.Key, f => f.Value), output,
            "the folder with the user's file");
        Assert.Equal(["out"], Folder.Entries(temp.Path));
    }

    [Fact]
    public async Task An_output_folder_written_before_manifests_is_replaced()
    {
        using var temp = new TempFolder();
        // What the earlier writer left: the run's files, and a hidden leftover of a crash.
        Folder.Write(temp.File("out"), sets.Old.Where(f => f.Key != OutputSet.ManifestName).Append(new(".summary.json.partial", [1, 2]))
            .ToDictionary(f => f.Key, f => f.Value));

        var result = await Cli.RunAsync(new Cli.Options(temp.Path), CommitSets.NewRun);

        Assert.True(result.ExitCode == 0, result.Error);
        Folder.AssertHolds(sets.New, temp.File("out"), "after replacing a set from before manifests");
    }

    [Theory]
    [InlineData(ResultFiles.Summary, "EIO", "Input/output error")]
    [InlineData(ResultFiles.LicencesCsv, "ENOSPC", "No space left on device")]
    public async Task A_file_the_disk_fails_to_flush_fails_the_write_exit_1_and_the_earlier_set_stays(string file, string error, string message)
    {
        using var temp = new TempFolder();
        Folder.Write(temp.File("out"), sets.Old);

        // fsync fails on the file, as a failing disk or a full thin-provisioned volume makes it (licences.csv is streamed as the run goes).
        var result = await Cli.RunAsync(new Cli.Options(temp.Path, Seams(("FSYNC_FAIL", $"{file}:{error}"))), CommitSets.NewRun);

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.Error.Trim().Split('\n'));
        Assert.StartsWith($"supplychainsim: could not write the results to {temp.File("out")}: the disk failed to write ", line);
        Assert.Contains($"{file}: {message} (fsync); the earlier results there are as they were.", line);
        Assert.DoesNotContain("Wrote ", result.Out);
        Folder.AssertHolds(sets.Old, temp.File("out"), $"after fsync failed with {error}");
        Assert.Equal(["out"], Folder.Entries(temp.Path));
    }

    [SkippableFact]
    public async Task A_real_fsync_failure_injected_by_strace_fails_the_write_and_the_earlier_set_stays()
    {
        // strace's fault injection makes the kernel's fsync return EIO to the real program: no seam of ours involved.
        Skip.IfNot(OperatingSystem.IsLinux() && File.Exists("/usr/bin/strace"), "no strace at /usr/bin/strace");
        using (var probe = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("/usr/bin/strace", ["-o", "/dev/null", "true"]) { RedirectStandardError = true })!)
        {
            await probe.WaitForExitAsync();
            Skip.If(probe.ExitCode != 0, "strace cannot trace here (ptrace not permitted)");
        }
        using var temp = new TempFolder();
        Folder.Write(temp.File("out"), sets.Old);
        var start = new System.Diagnostics.ProcessStartInfo("/usr/bin/strace") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = temp.Path };
        foreach (var arg in new[] { "-f", "-qq", "-o", "/dev/null", "-e", "trace=fsync", "-e", "inject=fsync:error=EIO", "dotnet", Path.Combine(AppContext.BaseDirectory, "supplychainsim.dll") }
                     .Concat(CommitSets.NewRun))
            start.ArgumentList.Add(arg);
        using var process = System.Diagnostics.Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 1, $"exit {process.ExitCode}: {await output}{await error}");
        Assert.Contains("Input/output error (fsync); the earlier results there are as they were.", await error);
        Folder.AssertHolds(sets.Old, temp.File("out"), "after every fsync failed");
        Assert.Equal(["out"], Folder.Entries(temp.Path));
    }

    [Fact]
    public async Task A_disk_full_while_licences_csv_is_streamed_leaves_no_staging_folder_or_lock_behind()
    {
        using var temp = new TempFolder();
        Folder.Write(temp.File("out"), sets.Old);

        // /dev/full fails every write with ENOSPC: the file's buffer fails as the run goes and again when it is closed.
        var result = await Cli.RunAsync(new Cli.Options(temp.Path, Seams(("STREAM_TO_FULL_DISK", "1"))), CommitSets.NewRun);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("No space left on device", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
        Folder.AssertHolds(sets.Old, temp.File("out"), "after the disk filled");
        Assert.Equal(["out"], Folder.Entries(temp.Path));
    }
}
