using System.Globalization;
using Spectre.Console;

namespace SupplyChainSim.Cli.Tests;

/// <summary>`explore`: many futures of a small scenario, what drives its breach, the same bytes again, and bad input refused.</summary>
public class ExploreCommandTests
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private const string Small = "tests/SupplyChainSim.Cli.Tests/Scenarios/explore-small.json";

    private static List<Dictionary<string, string>> ReadCsv(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        return lines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second)).ToList();
    }

    private static double Number(string text) => double.Parse(text, Invariant);

    [Fact]
    public async Task Explore_on_a_small_scenario_names_the_input_that_drives_the_breach_and_where_it_is_likely()
    {
        // explore-small.json: one shell network smuggling H100s for six months. Whether the lab reaches 150 H100e beyond
        // the rules is decided by the lot size (more than 25 chips a lot, or about 30 with some lots seized); the
        // warehouse delay only shifts a month or two.
        using var temp = new TempFolder();
        var result = await Cli.RunAsync("explore", Small, "--samples", "40", "--outcome", "unlawful-compute:150", "--out", temp.File("out"));
        Assert.True(result.ExitCode == 0, result.Error);

        var rows = ReadCsv(temp.File("out/explore.csv"));
        Assert.Equal(Enumerable.Range(0, 40).Select(i => i.ToString(Invariant)), rows.Select(r => r["point"]));
        Assert.All(rows, r => Assert.InRange(Number(r["customs detection"]), 0, 0.6));
        Assert.All(rows, r => Assert.InRange(Number(r["chips per lot"]), 10, 60));
        // A Latin hypercube: each of the 40 strata of the lot size's 51 whole values holds one point, so they spread.
        Assert.True(rows.Select(r => r["chips per lot"]).Distinct().Count() >= 35);
        var lots = rows.Select(r => Number(r["chips per lot"])).ToList();
        // The outcome follows the input: every point with small lots is below 150, every one with large lots free of
        // customs has passed it.
        Assert.All(rows.Where(r => Number(r["chips per lot"]) < 25), r => Assert.Equal("0", r["unlawfulComputeGe150P"]));
        Assert.All(rows.Where(r => Number(r["chips per lot"]) >= 50 && Number(r["customs detection"]) < 0.1), r => Assert.Equal("1", r["unlawfulComputeGe150P"]));
        Assert.Contains(rows, r => r["unlawfulComputeGe150P"] == "1");
        Assert.Contains(rows, r => r["unlawfulComputeGe150P"] == "0");

        // Sensitivity: the lot size drives it up, customs down, the delay not clearly.
        var sensitivity = ReadCsv(temp.File("out/sensitivity.csv")).Where(r => r["outcome"] == "unlawfulComputeGe150P").ToDictionary(r => r["input"]);
        Assert.True(Number(sensitivity["chips per lot"]["prcc"]) > 0.5, sensitivity["chips per lot"]["prcc"]);
        Assert.True(Number(sensitivity["chips per lot"]["pValue"]) < 0.01);
        Assert.True(Number(sensitivity["customs detection"]["prcc"]) < 0);
        Assert.True(Math.Abs(Number(sensitivity["warehouse delay"]["prcc"])) < Number(sensitivity["chips per lot"]["prcc"]));
        Assert.Contains("chips per lot      +0.", result.Out);
        Assert.Matches(@"What drives it \(partial rank correlation with its probability\):\n  chips per lot ", result.Out);

        // PRIM: the box limits the lot size from below, and holds every point where the breach happened.
        Assert.Contains("unlawful-compute >= 150 H100e is likely when chips per lot is at least ", result.Out);
        var prim = ReadCsv(temp.File("out/prim.csv"));
        var described = prim.Single(r => r["box"] == "described");
        Assert.InRange(Number(described["chips per lot lower"]), 20, 35);
        Assert.Equal("1", described["coverage"]);
        Assert.Equal(rows.Count(r => r["unlawfulComputeGe150P"] == "1").ToString(Invariant), described["cases"]);
        Assert.Equal("peel 0", prim[0]["box"]);
        Assert.Equal("40", prim[0]["points"]);
        Assert.Single(prim, r => r["chosen"] == "true");

        var html = await File.ReadAllTextAsync(temp.File("out/explore.html"));
        Assert.Contains("<h1>Exploring explore-small: 40 futures</h1>", html);
        Assert.Contains("is likely when chips per lot is at least", html);
        Assert.Contains("rises with chips per lot", html);
        Assert.DoesNotContain("Partial: stopped", html);
        // The tornado, the trade-off curve, each input against the outcome, and each pair of inputs (the scatter matrix).
        Assert.Equal(1 + 1 + 3 + 3, html.Split("<svg").Length - 1);
        Assert.Contains("Every future (40; explore.csv has every outcome)", html);
        Assert.DoesNotMatch(@"(?i)(src|href)\s*=|<script|url\((?!#)", html);

        // A point's outcomes are those of the scenario run with its values: sweep with the same values and seed.
        var point = rows[7];
        var sweep = await Cli.RunAsync("sweep", Small, "--set", $"enforcement.hubCustomsDetection={point["customs detection"]}",
            "--set", $"intermediaries.list[sg-net].chipsPerOrder={point["chips per lot"]}", "--set", $"intermediaries.list[sg-net].delayMonths={point["warehouse delay"]}",
            "--out", temp.File("sweep"));
        Assert.True(sweep.ExitCode == 0, sweep.Error);
        var swept = ReadCsv(temp.File("sweep/sweep.csv")).Single();
        foreach (var column in new[] { "breachProbability", "smuggledH100eMean", "seizedH100eMean", "unlawfulComputeGe150P", "unlawfulComputeGe100P", "firstBreachMonthMedian" })
            Assert.Equal(swept[column], point[column]);
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_bytes_and_another_seed_another_sample()
    {
        using var temp = new TempFolder();
        string[] Args(string name, string seed) => ["explore", Small, "--samples", "12", "--replications", "2", "--seed", seed, "--out", temp.File(name)];
        var a = await Cli.RunAsync(Args("a", "3"));
        var b = await Cli.RunAsync(Args("b", "3"));
        var c = await Cli.RunAsync(Args("c", "4"));
        Assert.True(a.ExitCode == 0, a.Error);
        Assert.Equal(0, b.ExitCode);
        Assert.Equal(0, c.ExitCode);
        var files = Directory.GetFiles(temp.File("a")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["explore.csv", "explore.html", "manifest.json", "prim.csv", "sensitivity.csv"], files);
        // manifest.json records the command line, and so the folder: the one file that differs by design.
        foreach (var file in files.Where(f => f != "manifest.json"))
            Assert.True(File.ReadAllBytes(temp.File($"a/{file}")).AsSpan().SequenceEqual(File.ReadAllBytes(temp.File($"b/{file}"))), $"{file} differs");
        Assert.All(ReadCsv(temp.File("a/explore.csv")), r => Assert.Equal("2", r["replications"]));
        Assert.NotEqual(await File.ReadAllTextAsync(temp.File("a/explore.csv")), await File.ReadAllTextAsync(temp.File("c/explore.csv")));
    }

    [Fact]
    public async Task An_entry_without_a_range_samples_the_uncertain_input_its_path_holds()
    {
        using var temp = new TempFolder();
        File.Copy(Path.Combine(Paths.Root, "tests/SupplyChainSim.Cli.Tests/Scenarios/customs-none.json"), temp.File("customs-none.json"));
        await File.WriteAllTextAsync(temp.File("uncertain.json"), """
            {
              "extends": "customs-none.json",
              "enforcement": { "hubCustomsDetection": { "dist": "uniform", "min": 0.1, "max": 0.3 } },
              "uncertainties": [
                { "name": "customs detection", "path": "$.enforcement.hubCustomsDetection" },
                { "name": "chips per lot", "path": "$.intermediaries.list[sg-net].chipsPerOrder", "min": 10, "max": 60 }
              ]
            }
            """);

        var result = await Cli.RunAsync(new Cli.Options(temp.Path), "explore", "uncertain.json", "--samples", "10", "--out", temp.File("out"));

        Assert.True(result.ExitCode == 0, result.Error);
        var values = ReadCsv(temp.File("out/explore.csv")).Select(r => Number(r["customs detection"])).Order().ToList();
        // One in each tenth of the distribution's range: the Latin hypercube over the uncertain input's own distribution.
        Assert.Equal(Enumerable.Range(0, 10), values.Select(v => (int)Math.Floor((v - 0.1) / 0.02)));
        Assert.Contains("<td>uniform (min 0.1, max 0.3)</td>", await File.ReadAllTextAsync(temp.File("out/explore.html")));
    }

    [Theory]
    [InlineData("bad-range.json|--samples|5", "bad-range.json:9:91: $.uncertainties[0].max: expected a probability from 0 to 1 (the range of $.enforcement.hubCustomsDetection), found 1.6")]
    [InlineData("bad-path.json|--samples|5", "bad-path.json:9:36: $.uncertainties[0].path: $.enforcement has no key \"hubCustoms\" a scenario may set; did you mean \"hubCustomsDetection\"?")]
    [InlineData("bad-label.json|--samples|5", "bad-label.json:9:36: $.uncertainties[0].path: $.intermediaries.list has no item")]
    [InlineData("customs-none.json|--samples|5", "customs-none.json:1:1: $: explore needs an \"uncertainties\" section")]
    [InlineData("explore-small.json|--samples|0", "supplychainsim: --samples: expected a whole number from 1 to 100,000, found 0")]
    [InlineData("explore-small.json|--samples|many", "supplychainsim: --samples: expected a whole number from 1 to 100,000, found \"many\"")]
    [InlineData("explore-small.json", "Option '--samples' is required")]
    [InlineData("explore-small.json|--samples|5|--replications|0", "supplychainsim: --replications: expected 1 to 100,000, found 0")]
    [InlineData("explore-small.json|--samples|5|--outcome|unlawful", "supplychainsim: --outcome: expected \"any\", ")]
    [InlineData("explore-small.json|--samples|5|--outcome|unlawful-compute:120", "supplychainsim: --outcome: unlawful-compute is measured at 100, 150 H100e")]
    [InlineData("no-such.json|--samples|5", "no-such.json: $: file not found")]
    public async Task Bad_input_names_its_place_exits_2_and_writes_nothing(string args, string expected)
    {
        using var temp = new TempFolder();
        var scenarios = Path.Combine(Paths.Root, "tests/SupplyChainSim.Cli.Tests/Scenarios");
        foreach (var file in new[] { "customs-none.json", "explore-small.json" }) File.Copy(Path.Combine(scenarios, file), temp.File(file));
        // explore-small.json with one entry spoilt: line 9 is its first uncertainty.
        var small = await File.ReadAllTextAsync(temp.File("explore-small.json"));
        await File.WriteAllTextAsync(temp.File("bad-range.json"), small.Replace("\"max\": 0.6", "\"max\": 1.6"));
        await File.WriteAllTextAsync(temp.File("bad-path.json"), small.Replace("hubCustomsDetection\"", "hubCustoms\""));
        await File.WriteAllTextAsync(temp.File("bad-label.json"), small.Replace("\"$.enforcement.hubCustomsDetection\"", "\"$.intermediaries.list[my-net].shells\""));

        var result = await Cli.RunAsync(new Cli.Options(temp.Path), ["explore", .. args.Split('|'), "--out", temp.File("out")]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error);
        Assert.DoesNotContain("   at ", result.Error);
        Assert.Equal("", result.Out);
        Assert.False(Directory.Exists(temp.File("out")), "nothing is written for invalid input");
    }

    [Fact]
    public async Task Cancelled_after_the_first_future_keeps_the_finished_ones_whole_and_says_the_exploration_is_partial()
    {
        using var temp = new TempFolder();
        using var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Interactive = InteractionSupport.No });
        using var stop = new CancellationTokenSource();

        var exit = await ExploreCommand.Run(console, new ExploreCommand.ExploreRequest(Path.Combine(Paths.Root, Small), temp.File("out"), 30, 2, null, null,
            "unlawful-compute:150"), stop.Token, finished: _ => stop.Cancel());

        Assert.Equal(ExitCodes.Cancelled, exit);
        var rows = ReadCsv(temp.File("out/explore.csv"));
        // One future finished when the stop came; another running beside it may have finished too, never all.
        Assert.InRange(rows.Count, 1, 2);
        Assert.All(rows, r => Assert.Equal("2", r["replications"]));
        Assert.Equal(rows.Count, rows.Select(r => r["point"]).Distinct().Count());
        var html = await File.ReadAllTextAsync(temp.File("out/explore.html"));
        Assert.Contains($"Partial: stopped after {rows.Count} of 30 futures", html);
        Assert.True(File.Exists(temp.File("out/manifest.json")));
        Assert.True(File.Exists(temp.File("out/prim.csv")));
    }
}
