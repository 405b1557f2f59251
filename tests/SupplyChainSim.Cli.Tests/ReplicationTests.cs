using System.Text.Json;

namespace SupplyChainSim.Cli.Tests;

public class ReplicationTests
{
    [Fact]
    public async Task Replication_k_is_identical_to_a_single_run_with_its_seed_by_the_command_the_run_prints()
    {
        using var temp = new TempFolder();
        var many = await Cli.RunAsync("run", "scenarios/piecemeal-2025.json", "--months", "12", "--replications", "4", "--out", temp.File("many"));
        Assert.True(many.ExitCode == 0, many.Error);

        var rows = (await File.ReadAllLinesAsync(temp.File("many/replications.csv"))).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(["0", "1", "2", "3"], rows.Select(r => r[0]));
        Assert.Equal("2025", rows[0][1]); // replication 0 is the scenario's own seed
        Assert.Equal(4, rows.Select(r => r[1]).Distinct().Count());

        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(temp.File("many/summary.json")));
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
        using var temp = new TempFolder();
        var result = await Cli.RunAsync("run", "scenarios/piecemeal-2025.json", "--months", "12", "--replications", "4", "--out", temp.Path);
        Assert.True(result.ExitCode == 0, result.Error);
        var rows = (await File.ReadAllLinesAsync(temp.File("replications.csv"))).Skip(1).Select(l => l.Split(',')).ToList();
        string Mean(int column, string format) =>
            rows.Average(r => double.Parse(r[column], System.Globalization.CultureInfo.InvariantCulture)).ToString(format, System.Globalization.CultureInfo.InvariantCulture);
        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(temp.File("summary.json")));
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

    [Fact]
    public async Task Replication_zero_writes_the_same_files_as_the_plain_run()
    {
        using var temp = new TempFolder();
        Assert.Equal(0, (await Cli.RunAsync("run", "scenarios/piecemeal-2025.json", "--months", "6", "--replications", "2", "--out", temp.File("a"))).ExitCode);
        Assert.Equal(0, (await Cli.RunAsync("run", "scenarios/piecemeal-2025.json", "--months", "6", "--out", temp.File("b"))).ExitCode);
        foreach (var name in new[] { "months.csv", "breaches.json", "licences.csv" })
            Assert.Equal(await File.ReadAllBytesAsync(temp.File("b/" + name)), await File.ReadAllBytesAsync(temp.File("a/" + name)));
    }
}
