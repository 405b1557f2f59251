using System.Text;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Worlds;
using SupplyChainSim.Output;
using SupplyChainSim.ScenarioFiles;

namespace SupplyChainSim.Cli.Tests;

public class RunCommandTests
{
    [Fact]
    public async Task Run_prints_a_line_a_month_and_a_summary_and_writes_the_contract_files()
    {
        using var temp = new TempFolder();
        var outDir = temp.File("out");
        var result = await Cli.RunAsync("run", "scenarios/baseline-2023.json", "--months", "6", "--out", outDir);

        Assert.True(result.ExitCode == 0, result.Error);
        var lines = result.Out.Split('\n');
        Assert.Equal(["2023-10", "2023-11", "2023-12", "2024-01", "2024-02", "2024-03"],
            lines.Where(l => l.Length > 7 && l[4] == '-' && char.IsDigit(l[0])).Select(l => l[..7]));
        Assert.Equal([".", "breaches.csv", "breaches.json", "deliveries.csv", "events.jsonl", "licences.csv", "manifest.json", "months.csv", "report.html", "summary.json"],
            Directory.GetFiles(outDir).Select(Path.GetFileName).Prepend(".").Order(StringComparer.Ordinal));

        // The files are exactly what the model renders for the same scenario run in memory.
        var world = WorldBuilder.Build(ScenarioLoader.Load(Paths.Scenario("baseline-2023.json")).WithMonths(6));
        var inMemory = await InMemoryWorldHosts.RunAsync(world);
        foreach (var (name, bytes) in ResultFiles.Render(inMemory)) Assert.Equal(bytes, await File.ReadAllBytesAsync(Path.Combine(outDir, name)));
        Assert.Equal(Reports.RunReport.Render(inMemory), await File.ReadAllBytesAsync(Path.Combine(outDir, Reports.RunReport.FileName)));
        var first = inMemory.Breaches.MinBy(b => b.Month)!;
        Assert.Contains($"Breaches: {inMemory.Breaches.Count}, by kind", result.Out);
        Assert.Matches($@"  {first.Kind} +{inMemory.Breaches.Count(b => b.Kind == first.Kind)} {first.Month} ", result.Out);

        // The month table says its units: every flow in H100e this month; the cluster and the breaches at the month's end.
        var header = Array.FindIndex(lines, l => l.StartsWith("month ", StringComparison.Ordinal));
        Assert.Equal("        -------------- H100e this month ---------------  --------- at the month's end ---------", lines[header - 1]);
        Assert.Equal("month      licensed      exempt    smuggled      denied  largest cluster H100e  breaches so far", lines[header]);
        string N1(double value) => value.ToString("N1", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var month in inMemory.Months)
        {
            var cells = lines.Single(l => l.StartsWith(month.Month.ToString() + " ", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal([month.Month.ToString(), N1(month.Licensed.Compute.H100e), N1(month.Exempt.Compute.H100e), N1(month.Smuggled.Compute.H100e),
                N1(month.Denied.Compute.H100e), N1(month.LargestCluster.H100e), month.BreachesSoFar.ToString(System.Globalization.CultureInfo.InvariantCulture)], cells);
        }
    }

    /// <summary>
    /// What `run` prints at the end (<see cref="ConsoleReport.Summary"/>), of the shipped scenario run in memory: the
    /// program prints it of the same results (<see cref="Run_prints_a_line_a_month_and_a_summary_and_writes_the_contract_files"/>).
    /// </summary>
    [Fact]
    public async Task The_summary_names_the_first_breach_the_largest_unauthorised_cluster_and_its_main_route()
    {
        var results = await InMemoryWorldHosts.RunAsync(WorldBuilder.Build(ScenarioLoader.Load(Paths.Scenario("piecemeal-2025.json"))));
        using var output = new StringWriter();
        new ConsoleReport(RedirectedConsole.Into(output)).Summary(results, "out", TimeSpan.FromSeconds(1));
        var printed = output.ToString();
        // Johor Front's linked LPP purchases exceed what one consignee may take; the chips smuggled to Chinese labs are
        // unlawful compute, the largest excess.
        Assert.Matches(@"  unlawful-compute +\d+ 2025-\d\d +[\d,.]+  cnlab-\d+ \([^)]+, CN\) +smuggled via smuggler-\d+, [\d,.]+ H100e", printed);
        Assert.Matches(@"  piecemeal-exemption +2 2025-\d\d +12,902.5  my-front-1 \(Johor Front, MY\) +exempt, 18,000.0 H100e", printed);
        Assert.Contains("  limit of the largest piecemeal-exemption: lpp-exemption: 3 allowances of 1,699.2 H100e for 2025, 2026, 2027", printed);
        Assert.Matches(@"Largest unauthorised cluster: [\d,.]+ H100e beyond the rules \(unlawful-compute\) at cnlab-\d+ \(owner [^)]+, CN\), beside [\d,.]+ H100e the rules permit; main route: smuggled via smuggler-\d+", printed);
        Assert.Matches(@"Detections: \d+ lots seized \([\d,]+ chips\), \d+ shell companies entity-listed", printed);
        var files = ResultFiles.Render(results);
        Assert.Contains("\"largestUnauthorisedCluster\": {", Encoding.UTF8.GetString(files[ResultFiles.Summary]));
        Assert.Contains("\"firstForOwner\": true", Encoding.UTF8.GetString(files[ResultFiles.Breaches]));
    }

    [Fact]
    public async Task An_invalid_scenario_exits_2_with_file_line_and_column_and_writes_nothing()
    {
        using var temp = new TempFolder();
        var scenario = temp.File("broken.json");
        await File.WriteAllTextAsync(scenario, (await File.ReadAllTextAsync(Paths.Scenario("baseline-2023.json"))).Replace("\"months\": 36,", "\"months\": 36,,"));
        var outDir = temp.File("out");

        var result = await Cli.RunAsync("run", scenario, "--out", outDir);

        result.AssertRefused(2, "broken.json:", outDir);
        Assert.Matches(@"broken\.json:\d+:\d+: \$\S*: ", result.Error);
    }

    [Theory]
    [InlineData("does-not-exist.json", "file not found")]
    [InlineData("scenarios", "is a directory")]
    public async Task Missing_files_and_folders_exit_2(string path, string message)
    {
        var result = await Cli.RunAsync("run", path);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error);
    }

    [Fact]
    public async Task Unknown_options_exit_2_with_usage_help()
    {
        var result = await Cli.RunAsync("run", "scenarios/baseline-2023.json", "--replicatoins", "3");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--replicatoins", result.Error);
    }

    [Fact]
    public async Task Validate_checks_a_scenario_without_running_it()
    {
        var result = await Cli.RunAsync("validate", "scenarios/baseline-2023.json");
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("valid; 3,096 agents over 51 months", result.Out);
    }
}
