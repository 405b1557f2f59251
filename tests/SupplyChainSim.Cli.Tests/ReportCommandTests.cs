using System.Globalization;
using System.Text;
using System.Text.Json;
using Spectre.Console;
using SupplyChainSim.Model.MonteCarlo;
using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Output;
using SupplyChainSim.Runs;
using SupplyChainSim.ScenarioFiles;

namespace SupplyChainSim.Cli.Tests;

/// <summary>compare and sweep against the runs they are made of.</summary>
public class ReportCommandTests
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static List<Dictionary<string, string>> ReadCsv(string path) => ReadCsv(File.ReadAllLines(path));

    private static List<Dictionary<string, string>> ReadCsv(IReadOnlyList<string> lines)
    {
        var header = lines[0].Split(',');
        return lines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second)).ToList();
    }

    /// <summary>
    /// The files `run` writes of the scenario's replications, run in memory instead of by the program: summary.json and
    /// replications.csv, to hold a compare.csv or sweep.csv row against.
    /// </summary>
    private static async Task<IReadOnlyDictionary<string, byte[]>> ReplicatedRun(ResolvedScenario scenario, int replications)
    {
        var runs = await Replications.RunInMemory(scenario, replications);
        return ResultFiles.Render(runs[0], runs.Select((r, i) => ReplicationSummary.Of(i, r)).ToList());
    }

    /// <summary>A compare.csv or sweep.csv row against summary.json and replications.csv of the same runs as `run` writes them.</summary>
    private static void AssertRowMatchesRun(Dictionary<string, string> row, IReadOnlyDictionary<string, byte[]> run)
    {
        using var summary = JsonDocument.Parse(run[ResultFiles.Summary]);
        var mc = summary.RootElement.GetProperty("monteCarlo");
        Assert.Equal(mc.GetProperty("replications").GetRawText(), row["replications"]);
        Assert.Equal(mc.GetProperty("deterministic").GetRawText(), row["deterministic"]);
        Assert.Equal(mc.GetProperty("replicationsWithBreach").GetRawText(), row["replicationsWithBreach"]);
        var probability = mc.GetProperty("breachProbability");
        Assert.Equal(probability.GetProperty("estimate").GetRawText(), row["breachProbability"]);
        Assert.Equal(probability.GetProperty("lower95").GetRawText(), row["breachProbabilityLower95"]);
        Assert.Equal(probability.GetProperty("upper95").GetRawText(), row["breachProbabilityUpper95"]);
        var first = mc.GetProperty("firstBreachMonth");
        foreach (var (json, csv) in new[] { ("p5", "firstBreachMonthP5"), ("median", "firstBreachMonthMedian"), ("p95", "firstBreachMonthP95") })
            Assert.Equal(first.GetProperty(json).GetString() ?? "", row[csv]);
        var unauthorised = mc.GetProperty("largestUnauthorisedH100e");
        Assert.Equal(unauthorised.GetProperty("median").GetRawText(), row["largestUnauthorisedH100eMedian"]);
        Assert.Equal(unauthorised.GetProperty("p95").GetRawText(), row["largestUnauthorisedH100eP95"]);
        Assert.Equal(mc.GetProperty("smuggledH100eMean").GetRawText(), row["smuggledH100eMean"]);
        // Every kind and threshold: unlawfulComputeP, unlawfulComputeGe1000Lower95, ...
        foreach (var estimate in mc.GetProperty("byKind").EnumerateArray())
        {
            var prefix = Model.Breaches.BreachKind.Camel(estimate.GetProperty("kind").GetString()!) +
                (estimate.GetProperty("thresholdH100e").ValueKind == JsonValueKind.Null ? "" : "Ge" + estimate.GetProperty("thresholdH100e").GetRawText());
            foreach (var (json, csv) in new[] { ("probability", "P"), ("lower95", "Lower95"), ("upper95", "Upper95") })
                Assert.Equal(estimate.GetProperty(json).GetRawText(), row[prefix + csv]);
            Assert.Equal(estimate.GetProperty("firstMonthMedian").GetString() ?? "", row[prefix + "FirstMonthMedian"]);
        }

        // Licensed and exempt H100e by tier add up to the replications' totals (rounded per replication there).
        var replications = ReadCsv(Encoding.UTF8.GetString(run[ResultFiles.ReplicationsCsv]).TrimEnd('\n').Split('\n'));
        foreach (var route in new[] { "licensed", "exempt" })
        {
            var byTier = Enumerable.Range(1, 3).Sum(t => double.Parse(row[$"{route}H100eTier{t}Mean"], Invariant));
            Assert.Equal(replications.Average(r => double.Parse(r[$"{route}H100e"], Invariant)), byTier, 0.01);
        }
    }

    [Fact]
    public async Task Compare_rows_equal_each_scenarios_own_replicated_run_on_the_same_seeds()
    {
        using var temp = new TempFolder();
        var compare = await Cli.RunAsync("compare", "scenarios/diffusion-rule-2025.json", "scenarios/rescission-2025.json",
            "--replications", "2", "--months", "22", "--out", temp.File("compare"));
        Assert.True(compare.ExitCode == 0, compare.Error);
        Assert.Contains("diffusion-rule-2025 done, 1 of 2", compare.Out);
        Assert.Contains("Wrote compare-replications.csv, compare.csv, compare.html, manifest.json to", compare.Out);

        var rows = ReadCsv(temp.File("compare/compare.csv"));
        using (var manifest = JsonDocument.Parse(await File.ReadAllBytesAsync(temp.File("compare/manifest.json"))))
            Assert.Equal(["diffusion-rule-2025", "rescission-2025"], manifest.RootElement.GetProperty("scenarios").EnumerateArray().Select(s => s.GetProperty("label").GetString()));
        Assert.Equal(["diffusion-rule-2025", "rescission-2025"], rows.Select(r => r["scenario"]));
        Assert.All(rows, r => Assert.Equal("2025", r["seed"]));
        // The rules differ from May 2025 on (22 months from October 2023 reach July 2025, when lots decided under them have
        // arrived): exports to Tier 2 must differ between the regimes.
        Assert.NotEqual(rows[0]["exemptH100eTier2Mean"], rows[1]["exemptH100eTier2Mean"]);

        // As `run scenarios/rescission-2025.json --replications 2 --months 22 --seed 2025` writes them.
        AssertRowMatchesRun(rows[1], await ReplicatedRun(ScenarioLoader.Load(Paths.Scenario("rescission-2025.json")).WithMonths(22).WithSeed(2025), 2));

        var html = await File.ReadAllTextAsync(temp.File("compare/compare.html"));
        Assert.Contains("<th>diffusion-rule-2025</th><th>rescission-2025</th>", html);
        Assert.InRange(html.Split("<svg").Length - 1, 10, 12);
        Assert.DoesNotContain("Partial", html);
    }

    [Fact]
    public async Task A_sweep_over_a_labelled_rule_parameter_in_H100e_equals_the_same_sweep_by_index_in_TPP_and_runs_of_the_scenario()
    {
        using var temp = new TempFolder();
        const string parameter = "$.regime.rules[lpp-exemption].allowanceH100e";
        var byName = await Cli.RunAsync("sweep", "scenarios/piecemeal-2025.json", "--set", $"{parameter}=500,1000",
            "--replications", "2", "--months", "8", "--out", temp.File("by-name"));
        Assert.True(byName.ExitCode == 0, byName.Error);
        var byIndex = await Cli.RunAsync("sweep", "scenarios/piecemeal-2025.json", "--set", "regime.rules[3].allowanceTpp=7915600,15831200,26900000",
            "--replications", "2", "--months", "8", "--out", temp.File("by-index"));
        Assert.True(byIndex.ExitCode == 0, byIndex.Error);

        var named = ReadCsv(temp.File("by-name/sweep.csv"));
        var indexed = ReadCsv(temp.File("by-index/sweep.csv"));
        Assert.Equal(["500", "1000"], named.Select(r => r[parameter]));
        Assert.Equal(["7915600", "15831200", "26900000"], indexed.Select(r => r["$.regime.rules[3].allowanceTpp"]));
        // 500 and 1,000 H100e are 7,915,600 and 15,831,200 TPP exactly: the same regimes, the same outcomes.
        for (var i = 0; i < 2; i++)
            Assert.Equal(indexed[i].Where(c => !c.Key.StartsWith('$')), named[i].Where(c => !c.Key.StartsWith('$')));
        // 26,900,000 TPP is the file's own allowance: that row is the scenario run as it stands.
        // As `run scenarios/piecemeal-2025.json --replications 2 --months 8` writes them.
        AssertRowMatchesRun(indexed[2], await ReplicatedRun(ScenarioLoader.Load(Paths.Scenario("piecemeal-2025.json")).WithMonths(8), 2));
        // A smaller allowance leaves less to notification and more to licences (counted against the country cap).
        Assert.NotEqual(indexed[0]["exemptH100eTier2Mean"], indexed[2]["exemptH100eTier2Mean"]);

        // The manifest lists each value's --set as given and the scenario as run, in TPP, all on the same seeds.
        using var manifest = JsonDocument.Parse(await File.ReadAllBytesAsync(temp.File("by-name/manifest.json")));
        var scenarios = manifest.RootElement.GetProperty("scenarios").EnumerateArray().ToList();
        Assert.Equal([[$"{parameter}=500"], [$"{parameter}=1000"]],
            scenarios.Select(s => s.GetProperty("set").EnumerateArray().Select(v => v.GetString()).ToArray()));
        Assert.Equal([7915600L, 15831200L], scenarios.Select(s => s.GetProperty("resolved").GetProperty("regime").GetProperty("rules")[3].GetProperty("allowanceTpp").GetInt64()));
        Assert.Equal(2, manifest.RootElement.GetProperty("seeds").GetProperty("replicationSeeds").GetArrayLength());

        var html = await File.ReadAllTextAsync(temp.File("by-name/sweep.html"));
        Assert.Contains("<h1>Sweep of LPP allowance per consignee per year (lpp-exemption)</h1>", html);
        Assert.Contains("<td>500.0 H100e, 1,000.0 H100e</td><td>1,699.2 H100e</td>", html);
        Assert.Contains("P(at least one breach)", html);
        var tpp = await File.ReadAllTextAsync(temp.File("by-index/sweep.html"));
        Assert.Contains("<td>1,699.2 H100e (26900000 TPP) (policy)</td>", tpp);
    }

    [Fact]
    public async Task Several_sets_run_every_combination_with_a_column_per_parameter_and_Orleans_says_nothing_on_standard_error()
    {
        using var temp = new TempFolder();
        var grid = await Cli.RunAsync("sweep", "tests/SupplyChainSim.Cli.Tests/Scenarios/customs-weak.json", "--set", "enforcement.hubCustomsDetection=0,0.5",
            "--set", "intermediaries.list[sg-net].chipsPerOrder=20,40,60", "--replications", "3", "--out", temp.File("grid"));
        Assert.True(grid.ExitCode == 0, grid.Error);
        Assert.Equal("", grid.Error);
        Assert.Contains("6 points (hubCustomsDetection=0, chipsPerOrder=20; hubCustomsDetection=0, chipsPerOrder=40;", grid.Out);
        var rows = ReadCsv(temp.File("grid/sweep.csv"));
        Assert.Equal(["0,20", "0,40", "0,60", "0.5,20", "0.5,40", "0.5,60"],
            rows.Select(r => $"{r["$.enforcement.hubCustomsDetection"]},{r["$.intermediaries.list[sg-net].chipsPerOrder"]}"));
        // Without customs nothing random happens: those points are deterministic, and smuggle all they buy.
        Assert.Equal(["true", "true", "true", "false", "false", "false"], rows.Select(r => r["deterministic"]));
        Assert.Equal(["120", "240", "360"], rows.Take(3).Select(r => r["smuggledH100eMean"]));
        var html = await File.ReadAllTextAsync(temp.File("grid/sweep.html"));
        Assert.Contains("by chips per order (sg-net)</h1>", html);
        Assert.Contains("chips per order (sg-net) = 40 (policy)</span>", html);
    }

    [Theory]
    [InlineData("sweep|scenarios/piecemeal-2025.json|--set|regime.rulez[3].allowanceTpp=1,2", "--set $.regime.rulez[3].allowanceTpp=1: $.regime.rulez[3].allowanceTpp: $.regime has no key \"rulez\"")]
    [InlineData("sweep|scenarios/piecemeal-2025.json|--set|regime.rules[3].allowanceTpp=100,many", "--set $.regime.rules[3].allowanceTpp=\"many\": $.regime.rules[3].allowanceTpp: expected a number")]
    [InlineData("sweep|scenarios/piecemeal-2025.json|--set|months=0", "--set $.months=0: $.months: expected")]
    [InlineData("sweep|scenarios/no-such.json|--set|months=3", "scenarios/no-such.json: $: file not found")]
    [InlineData("compare|scenarios/piecemeal-2025.json", "supplychainsim: compare: expected at least 2 scenario files, found 1")]
    [InlineData("compare|scenarios/piecemeal-2025.json|scenarios/no-such.json", "scenarios/no-such.json: $: file not found")]
    public async Task Bad_input_names_its_place_and_writes_nothing(string args, string expected)
    {
        using var temp = new TempFolder();
        (await Cli.RunAsync([.. args.Split('|'), "--out", temp.File("out")])).AssertRefused(2, expected, temp.File("out"));
    }

    [Fact]
    public async Task Cancelled_after_the_first_scenario_keeps_it_and_says_the_comparison_is_partial()
    {
        using var temp = new TempFolder();
        var files = new[] { "scenarios/diffusion-rule-2025.json", "scenarios/rescission-2025.json", "scenarios/threshold-500.json" };
        var runs = files.Select(f => ScenarioLoader.Load(Path.Combine(Paths.Root, f)).WithMonths(4)).Select(s => new RegimeRun(s.Spec.Name, s)).ToList();
        using var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Interactive = InteractionSupport.No });
        using var stop = new CancellationTokenSource();

        var exit = await ReportCommands.RunAndWrite(console, new ReportCommands.OutcomeRequest(temp.File("out"), 2, 1024), runs, "scenarios",
            ReportCommands.ComparisonFiles(files), stop.Token, finished: _ => stop.Cancel());

        Assert.Equal(ExitCodes.Cancelled, exit);
        var rows = ReadCsv(temp.File("out/compare.csv"));
        Assert.Equal("diffusion-rule-2025", Assert.Single(rows)["scenario"]);
        Assert.Equal("2", rows[0]["replications"]);
        Assert.Contains("Partial: stopped after 1 of 3 scenarios", await File.ReadAllTextAsync(temp.File("out/compare.html")));
        Assert.Contains("diffusion-rule-2025 done, 1 of 3", output.ToString());
    }

    [Fact]
    public async Task A_sweep_over_a_120000_character_value_draws_it_cut_short_and_writes_quotes_in_sweep_csv_as_json_does()
    {
        using var temp = new TempFolder();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = await Cli.RunAsync("sweep", "scenarios/piecemeal-2025.json", "--set", $"description={new string('a', 120_000)},\"say \\\"hi\\\"\"",
            "--months", "1", "--out", temp.File("sweep"));
        Assert.True(result.ExitCode == 0, result.Error);
        // Drawn whole, the label made each chart take a minute and the page 8 MB; cut at 100 characters, the page
        // holds the value only in its tables.
        Assert.True(new FileInfo(temp.File("sweep/sweep.html")).Length < 1_000_000, $"sweep.html is {new FileInfo(temp.File("sweep/sweep.html")).Length:N0} bytes");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(90), $"the sweep took {clock.Elapsed.TotalSeconds:0} s");
        var csv = File.ReadAllText(temp.File("sweep/sweep.csv"));
        Assert.DoesNotContain("\\u0022", csv);
        Assert.Contains("\"\"\"say \\\"\"hi\\\"\"\"\"\"", csv);
    }
}
