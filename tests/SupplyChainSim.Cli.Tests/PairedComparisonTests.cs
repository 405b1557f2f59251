using System.Text;
using System.Text.Json;
using SupplyChainSim.Model.MonteCarlo;
using SupplyChainSim.Output;
using SupplyChainSim.Reports;
using SupplyChainSim.ScenarioFiles;

namespace SupplyChainSim.Cli.Tests;

/// <summary>
/// A scenario whose replications are all alike, labelled deterministic wherever its outcomes are shown; scenarios that
/// are not alike named in a warning. (compare's paired columns are checked against a recomputation in the reports' tests.)
/// </summary>
public class PairedComparisonTests
{
    private const string Scenarios = "tests/SupplyChainSim.Cli.Tests/Scenarios";

    /// <summary>
    /// What `run --replications 4` prints of its replications (<see cref="ConsoleReport.MonteCarlo"/>) and writes in
    /// summary.json and report.html, of the replications run in memory.
    /// </summary>
    private static async Task<(string Printed, string Summary, string Report)> Replicated(string scenario)
    {
        var runs = await Replications.RunInMemory(ScenarioLoader.Load(Path.Combine(Paths.Root, Scenarios, scenario)), 4);
        var summaries = runs.Select((r, i) => ReplicationSummary.Of(i, r)).ToList();
        using var output = new StringWriter();
        new ConsoleReport(RedirectedConsole.Into(output)).MonteCarlo(summaries, seed => $"run --seed {seed}");
        return (output.ToString(), Encoding.UTF8.GetString(ResultFiles.RenderSummary(runs[0], summaries)), Encoding.UTF8.GetString(RunReport.Render(runs[0], summaries)));
    }

    [Fact]
    public async Task A_scenario_whose_replications_are_all_alike_is_labelled_deterministic_everywhere_without_an_interval()
    {
        using var temp = new TempFolder();
        var (printed, summaryJson, report) = await Replicated("customs-none.json");
        Assert.Contains("Monte Carlo over 4 replications: deterministic: every replication gave the same outcomes", printed);
        Assert.DoesNotContain("Wilson interval", printed);
        using (var summary = JsonDocument.Parse(summaryJson))
            Assert.True(summary.RootElement.GetProperty("monteCarlo").GetProperty("deterministic").GetBoolean());
        Assert.Contains("Deterministic: all 4 replications gave identical outcomes", report);
        Assert.Contains("(deterministic: every replication gave the same outcomes; no interval)", report);
        Assert.DoesNotContain("Wilson interval 0.", report);

        // With customs, replications differ: the same labels are not there.
        (printed, summaryJson, report) = await Replicated("customs-weak.json");
        Assert.Contains("95% Wilson interval", printed);
        using (var summary = JsonDocument.Parse(summaryJson))
            Assert.False(summary.RootElement.GetProperty("monteCarlo").GetProperty("deterministic").GetBoolean());
        Assert.DoesNotContain("Deterministic", report);

        var compare = await Cli.RunAsync("compare", $"{Scenarios}/customs-none.json", $"{Scenarios}/customs-weak.json", "--replications", "4", "--out", temp.File("compare"));
        Assert.True(compare.ExitCode == 0, compare.Error);
        Assert.Matches(@"│ customs-none +│ +1\.000 │ +deterministic │", compare.Out);
        var html = await File.ReadAllTextAsync(temp.File("compare/compare.html"));
        Assert.Contains("customs-none: Deterministic: all 4 replications gave identical outcomes", html);
        Assert.Contains("<td>deterministic</td>", html);
        // The breach-probability chart labels the deterministic bar and draws no whisker for it.
        Assert.Matches(@">\s*deterministic\s*</text>", html);
    }

    [Fact]
    public async Task Scenarios_over_different_periods_or_worlds_are_named_in_a_warning_and_the_month_the_regimes_part_is_marked()
    {
        using var temp = new TempFolder();
        var result = await Cli.RunAsync("compare", "scenarios/diffusion-rule-2025.json", "scenarios/piecemeal-2025.json", $"{Scenarios}/customs-none.json",
            "--months", "3", "--out", temp.File("out"));
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("supplychainsim: warning: The periods differ: diffusion-rule-2025 2023-10 to 2023-12 (3 months); piecemeal-2025 2025-05 to 2025-07 (3 months); " +
            "customs-none 2025-01 to 2025-03 (3 months).", result.Error);
        Assert.Matches(@"supplychainsim: warning: The worlds differ: diffusion-rule-2025 \(3,065 agents, world seed 2025, world [0-9a-f]{12}\); " +
            @"piecemeal-2025 \(3,065 agents, world seed 2025, world [0-9a-f]{12}\); customs-none \(202 agents, world seed 7, world [0-9a-f]{12}\)\.", result.Error);
        var html = await File.ReadAllTextAsync(temp.File("out/compare.html"));
        Assert.Contains("Warning: The periods differ: diffusion-rule-2025 2023-10 to 2023-12", html);
        Assert.Contains("Warning: The worlds differ: diffusion-rule-2025 (3,065 agents", html);
        // customs-none has the 3A090 baseline alone; the Diffusion Rule adds a licence for SA and AE from the first month.
        Assert.Contains("The regimes first differ in 2023-10", html);

        // The Diffusion Rule and its rescission share their rules until May 2025, when one brings in its tiers and the other
        // the guidance that came with the rescission.
        var rescission = await Cli.RunAsync("compare", "scenarios/diffusion-rule-2025.json", "scenarios/rescission-2025.json", "--months", "20", "--out", temp.File("rescission"));
        Assert.True(rescission.ExitCode == 0, rescission.Error);
        Assert.DoesNotContain("warning", rescission.Error);
        var page = await File.ReadAllTextAsync(temp.File("rescission/compare.html"));
        Assert.Contains("The regimes first differ in 2025-05", page);
        Assert.Contains("Dashed: the start of 2025-05, when the compared regimes first differ.", page);
        Assert.Contains("dashed: 2025-05, the month the regimes first differ.", page);
    }
}
