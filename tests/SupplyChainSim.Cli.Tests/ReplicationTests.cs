using System.Text.Json;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Worlds;
using SupplyChainSim.Output;
using SupplyChainSim.ScenarioFiles;

namespace SupplyChainSim.Cli.Tests;

/// <summary>`run scenarios/piecemeal-2025.json --months 12 --replications 4`, run once for the tests that read what it printed and wrote.</summary>
public sealed class ReplicatedRun : IAsyncLifetime
{
    public const string Scenario = "scenarios/piecemeal-2025.json";

    private readonly TempFolder temp = new();

    /// <summary>Where the run wrote its files.</summary>
    public string Output => temp.File("many");

    public Cli.Result Result { get; private set; } = new(-1, "", "");

    public async Task InitializeAsync()
    {
        Result = await Cli.RunAsync("run", Scenario, "--months", "12", "--replications", "4", "--out", Output);
        Assert.True(Result.ExitCode == 0, Result.Error);
    }

    public Task DisposeAsync()
    {
        temp.Dispose();
        return Task.CompletedTask;
    }
}

public class ReplicationTests(ReplicatedRun run) : IClassFixture<ReplicatedRun>
{
    [Fact]
    public async Task Replication_k_is_identical_to_a_single_run_with_its_seed_by_the_command_the_run_prints()
    {
        using var temp = new TempFolder();
        var many = run.Result;
        var rows = (await File.ReadAllLinesAsync(Path.Combine(run.Output, "replications.csv"))).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(["0", "1", "2", "3"], rows.Select(r => r[0]));
        Assert.Equal("2025", rows[0][1]); // replication 0 is the scenario's own seed
        Assert.Equal(4, rows.Select(r => r[1]).Distinct().Count());

        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(run.Output, "summary.json")));
        var monteCarlo = summary.RootElement.GetProperty("monteCarlo");
        Assert.Equal(4, monteCarlo.GetProperty("replications").GetInt32());
        var probability = monteCarlo.GetProperty("breachProbability");
        Assert.InRange(probability.GetProperty("estimate").GetDouble(), probability.GetProperty("lower95").GetDouble(), probability.GetProperty("upper95").GetDouble());

        // The printed rerun command, pasted into a shell in the same folder (with --out added, to keep the repository
        // clean), runs replication 1 alone: the same months, its seed.
        var row = rows[1];
        var lines = many.Out.Split('\n');
        var hint = lines[Array.FindIndex(lines, l => l.StartsWith("Each replication reruns alone", StringComparison.Ordinal)) + 1].Trim();
        Assert.Equal($"dotnet run --project src/SupplyChainSim.Cli -- run scenarios/piecemeal-2025.json --months 12 --seed {row[1]}", hint);
        var single = await Shell($"{hint} --out {temp.File("single")}");
        Assert.True(single.ExitCode == 0, single.Error);
        using var alone = JsonDocument.Parse(await File.ReadAllTextAsync(temp.File("single/summary.json")));
        var root = alone.RootElement;
        Assert.Equal(12, root.GetProperty("months").GetInt32());
        Assert.Equal(row[1], root.GetProperty("seed").GetRawText());
        Assert.Equal(row[2], root.GetProperty("breachCount").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(row[3], root.GetProperty("firstBreachMonth").GetString() ?? "");
        Assert.Equal(row[5], root.GetProperty("shipped").GetProperty("smuggled").GetProperty("h100e").GetRawText());
        Assert.Equal(row[7], root.GetProperty("detections").GetProperty("lots").GetRawText());
    }

    [Fact]
    public async Task The_summary_after_replications_says_it_is_replication_0s_and_gives_the_mean_beside_it()
    {
        var result = run.Result;
        var rows = (await File.ReadAllLinesAsync(Path.Combine(run.Output, "replications.csv"))).Skip(1).Select(l => l.Split(',')).ToList();
        string Mean(int column, string format) =>
            rows.Average(r => double.Parse(r[column], System.Globalization.CultureInfo.InvariantCulture)).ToString(format, System.Globalization.CultureInfo.InvariantCulture);
        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(run.Output, "summary.json")));
        var zero = summary.RootElement;

        Assert.Contains("Summary of replication 0 (seed 2025)", result.Out);
        Assert.Contains("│ H100e, mean over 4 replications │", result.Out);
        var smuggled = result.Out.Split('\n').Single(l => l.Contains("│ smuggled ", StringComparison.Ordinal));
        Assert.Contains($" {zero.GetProperty("shipped").GetProperty("smuggled").GetProperty("h100e").GetDouble().ToString("N1", System.Globalization.CultureInfo.InvariantCulture)} │", smuggled);
        Assert.EndsWith($" {Mean(5, "N1")} │", smuggled.TrimEnd());
        Assert.Contains($"Breaches in replication 0 (seed 2025): {zero.GetProperty("breachCount").GetInt32()}; mean over 4 replications: {Mean(2, "0.0")}, by kind", result.Out);
        Assert.Contains($"Detections in replication 0 (seed 2025): {zero.GetProperty("detections").GetProperty("lots").GetInt32()} lots seized", result.Out);
        Assert.Contains($"; mean over 4 replications: {Mean(7, "0.0")} lots\n", result.Out);
        Assert.Contains("Largest unauthorised cluster in replication 0 (seed 2025): ", result.Out);
        // The probability per breach kind and concern threshold, as summary.json has it.
        foreach (var estimate in zero.GetProperty("monteCarlo").GetProperty("byKind").EnumerateArray())
        {
            var threshold = estimate.GetProperty("thresholdH100e");
            var excess = threshold.ValueKind == JsonValueKind.Null ? "any" : $">= {threshold.GetRawText()} H100e";
            Assert.Matches($@"  {estimate.GetProperty("kind").GetString()} +{System.Text.RegularExpressions.Regex.Escape(excess)} +{estimate.GetProperty("replicationsReached").GetInt32()} of 4 +" +
                estimate.GetProperty("probability").GetDouble().ToString("0.000", System.Globalization.CultureInfo.InvariantCulture), result.Out);
        }
    }

    /// <summary>A command line as a user pastes it, run by a shell in the repository.</summary>
    private static async Task<Cli.Result> Shell(string commandLine)
    {
        var start = new System.Diagnostics.ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Paths.Root };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(commandLine);
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return new Cli.Result(process.ExitCode, await output, await error);
    }

    /// <summary>
    /// Replication 0 is the run of the scenario's own seed: its files are those of the plain run, which are what the
    /// model renders in memory (<see cref="RunCommandTests"/> shows `run` writes exactly those).
    /// </summary>
    [Fact]
    public async Task Replication_zero_writes_the_same_files_as_the_plain_run()
    {
        var plain = ResultFiles.Render(await InMemoryWorldHosts.RunAsync(WorldBuilder.Build(ScenarioLoader.Load(Paths.Scenario("piecemeal-2025.json")).WithMonths(12))));
        foreach (var name in new[] { "months.csv", "breaches.json", "licences.csv" })
            Assert.Equal(plain[name], await File.ReadAllBytesAsync(Path.Combine(run.Output, name)));
    }

    [Fact]
    public void A_replicated_run_writes_replications_csv_and_report_html_with_its_files_and_says_so()
    {
        // Twelve months from May 2025 reach the end of 2025, which a published figure covers: calibration.csv too.
        Assert.Contains("replications.csv, calibration.csv, report.html, manifest.json to", run.Result.Out);
        Assert.True(File.Exists(Path.Combine(run.Output, "report.html")));
    }
}
