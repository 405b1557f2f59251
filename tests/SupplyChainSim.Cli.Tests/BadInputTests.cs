namespace SupplyChainSim.Cli.Tests;

/// <summary>Whatever the input, a clear message, the right exit code, no stack trace and nothing half-written.</summary>
public class BadInputTests
{
    private static async Task AssertInvalid(TempFolder temp, string file, string expected)
    {
        var outDir = temp.File("out");
        var result = await Cli.RunAsync("run", file, "--out", outDir);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error);
        Assert.DoesNotContain("   at ", result.Error);
        Assert.False(Directory.Exists(outDir), "nothing is created when the input is invalid");
    }

    [Fact]
    public async Task Empty_files_are_invalid()
    {
        using var temp = new TempFolder();
        await File.WriteAllTextAsync(temp.File("empty.json"), "");
        await AssertInvalid(temp, temp.File("empty.json"), "empty.json: $: is empty; expected a JSON object");
    }

    [Fact]
    public async Task Text_that_is_not_JSON_names_its_line_and_column()
    {
        using var temp = new TempFolder();
        await File.WriteAllTextAsync(temp.File("notes.json"), "{\n  scenario: yes\n}");
        await AssertInvalid(temp, temp.File("notes.json"), "notes.json:2:3: $: not valid JSON here:");
    }

    [Fact]
    public async Task Truncated_files_name_where_they_end()
    {
        using var temp = new TempFolder();
        var text = await File.ReadAllTextAsync(Paths.Scenario("baseline-2023.json"));
        await File.WriteAllTextAsync(temp.File("cut.json"), text[..(text.Length / 2)]);
        var result = await Cli.RunAsync("run", temp.File("cut.json"), "--out", temp.File("out"));
        Assert.Equal(2, result.ExitCode);
        Assert.Matches(@"cut\.json:\d+:\d+: ", result.Error);
    }

    [Fact]
    public async Task Binary_files_are_invalid()
    {
        using var temp = new TempFolder();
        await File.WriteAllBytesAsync(temp.File("image.json"), [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01, 0x02]);
        await AssertInvalid(temp, temp.File("image.json"), "image.json: $: is binary, not JSON text");
    }

    [Fact]
    public async Task Huge_files_are_refused_before_they_are_read()
    {
        using var temp = new TempFolder();
        await using (var stream = File.Create(temp.File("huge.json"))) stream.SetLength(17 * 1024 * 1024);
        await AssertInvalid(temp, temp.File("huge.json"), "huge.json: $: is 17,825,792 bytes; a scenario file is at most 16,777,216 bytes");
    }

    /// <summary>A small valid scenario, to bend.</summary>
    private const string Small = """
        {
          "formatVersion": 1,
          "name": "small",
          "seed": 1,
          "start": "2024-01",
          "months": 3,
          "chipmakers": [ { "id": "NVIDIA", "leadTimeMonths": 1, "capacity": { "H100-SXM": 1000, "H20": 1000 } } ],
          "dataCentres": { "sites": [ { "id": "cn-site", "country": "CN", "chipModel": "H20", "targetH100e": 10 } ] },
          "intermediaries": { "list": [ { "id": "sg", "hub": "SG", "buyer": "cn-site", "chipModel": "H100-SXM", "chipsPerOrder": 10 } ] },
          "enforcement": { "hubCustomsDetection": 0.1 }
        }
        """;

    private static string[] ErrorLines(Cli.Result result) => result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [Fact]
    public async Task Validate_lists_every_problem_of_a_file_in_one_run_each_at_its_place()
    {
        using var temp = new TempFolder();
        var file = temp.File("bad.json");
        await File.WriteAllTextAsync(file, Small
            .Replace("\"months\": 3,", "\"months\": 3,\n  \"colour\": \"blue\",")
            .Replace("\"leadTimeMonths\": 1", "\"leadTimeMonths\": \"one\"")
            .Replace("\"targetH100e\": 10", "\"targetH100e\": -10")
            .Replace("\"chipsPerOrder\": 10", "\"chipsPerOrder\": 0")
            .Replace("\"hubCustomsDetection\": 0.1", "\"hubCustomsDetection\": 1e309")
            .Replace("\"seed\": 1", "\"seed\": -1"));
        var result = await Cli.RunAsync("validate", file);
        Assert.Equal(2, result.ExitCode);
        var lines = ErrorLines(result);
        Assert.Equal(
        [
            "$.seed: expected a whole number from 0 to 18,446,744,073,709,551,615, found -1",
            "$.colour: unknown key \"colour\"",
            "$.chipmakers[0].leadTimeMonths: expected a whole number from 0 to 120, found \"one\"",
            "$.dataCentres.sites[0].targetH100e: expected a number from 0 to 1,000,000,000, found -10",
            "$.intermediaries.list[0].chipsPerOrder: expected a whole number from 1 to 1,000,000, found 0",
            "$.enforcement.hubCustomsDetection: expected a probability from 0 to 1, found 1e309",
        ], lines[..^1].Select(l => l[(l.IndexOf(": $", StringComparison.Ordinal) + 2)..]));
        Assert.All(lines[..^1], l => Assert.Matches($@"^{System.Text.RegularExpressions.Regex.Escape(file)}:\d+:\d+: \$", l));
        Assert.Equal("supplychainsim: the scenario is not valid (6 errors); nothing was run or written.", lines[^1]);
    }

    [Fact]
    public async Task Devices_and_FIFOs_are_refused_before_they_are_opened()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var temp = new TempFolder();
        await AssertInvalid(temp, "/dev/zero", "/dev/zero: $: is a character device, not a regular file; expected a JSON file");
        var fifo = temp.File("pipe.json");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [fifo])) await mkfifo.WaitForExitAsync();
        await AssertInvalid(temp, fifo, $"{fifo}: $: is a FIFO (named pipe), not a regular file; expected a JSON file");
        File.CreateSymbolicLink(temp.File("random.json"), "/dev/urandom");
        await File.WriteAllTextAsync(temp.File("catalogue.json"), Small.Replace("\"months\": 3,", "\"months\": 3,\n  \"catalogueFile\": \"random.json\","));
        await AssertInvalid(temp, temp.File("catalogue.json"),
            $"catalogue.json:7:3: $.catalogueFile: cannot read {temp.File("random.json")}: is a character device, not a regular file; expected a JSON file");
    }

    public static TheoryData<string[], string> BadOptions => new()
    {
        { ["run", "scenarios/baseline-2023.json", "--replications", "0"], "supplychainsim: --replications: expected 1 to 100,000, found 0" },
        { ["run", "scenarios/baseline-2023.json", "--months", "0"], "supplychainsim: --months: expected 1 to 1,200, found 0" },
        { ["run", "scenarios/baseline-2023.json", "--pool-size", "0"], "supplychainsim: --pool-size: expected 1 to 1,000,000, found 0" },
        { ["run", "scenarios/baseline-2023.json", "--replications", "many"], "supplychainsim: --replications: expected a whole number from 1 to 100,000, found \"many\"" },
        { ["run", "scenarios/baseline-2023.json", "--seed", "-1"], "supplychainsim: --seed: expected 0 to 18,446,744,073,709,551,615, found -1" },
        { ["compare", "scenarios/baseline-2023.json"], "supplychainsim: compare: expected at least 2 scenario files, found 1" },
        { ["compare", "scenarios/baseline-2023.json", "scenarios/threshold-500.json", "--replications", "100001"], "supplychainsim: --replications: expected 1 to 100,000, found 100001" },
        { ["sweep", "scenarios/piecemeal-2025.json", "--set", "months=3,4", "--pool-size", "-1"], "supplychainsim: --pool-size: expected 1 to 1,000,000, found -1" },
        { ["sweep", "scenarios/piecemeal-2025.json", "--set", "regime..rules=1"], "supplychainsim: --set: $.regime..rules: expected a JSON path of keys and indexes or names, like $.regime.rules[3].allowanceTpp or $.regime.rules[lpp-exemption].allowanceTpp" },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public async Task An_option_out_of_range_is_named_and_the_scenario_is_not_blamed(string[] args, string expected)
    {
        using var temp = new TempFolder();
        var result = await Cli.RunAsync([.. args, "--out", temp.File("out")]);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(expected, ErrorLines(result)[0]);
        Assert.DoesNotContain("not valid", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
        Assert.False(Directory.Exists(temp.File("out")));
    }

    [Fact]
    public async Task A_sweep_index_beyond_any_array_is_reported_at_set()
    {
        using var temp = new TempFolder();
        var result = await Cli.RunAsync("sweep", "scenarios/piecemeal-2025.json", "--set", "$.dataCentres.sites[99999999999].id=1", "--out", temp.File("out"));
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("--set $.dataCentres.sites[99999999999].id=1: $.dataCentres.sites[99999999999].id: $.dataCentres.sites has ", result.Error);
        Assert.Contains("index 99999999999 is out of range", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
        Assert.False(Directory.Exists(temp.File("out")));
    }

    [Fact]
    public async Task A_NUL_in_a_path_from_a_response_file_is_an_error_at_its_argument()
    {
        using var temp = new TempFolder();
        await File.WriteAllTextAsync(temp.File("scenario.rsp"), "run\nbad\0name.json\n");
        await File.WriteAllTextAsync(temp.File("out.rsp"), $"run\nscenarios/baseline-2023.json\n--out\n{temp.File("o\0ut")}\n");
        foreach (var (rsp, expected) in new[]
                 {
                     ("scenario.rsp", "supplychainsim: scenario: expected a file name, found one with a NUL character: \"bad\\0name.json\""),
                     ("out.rsp", $"supplychainsim: --out: expected a file name, found one with a NUL character: \"{temp.File("o\\0ut")}\""),
                 })
        {
            var result = await Cli.RunAsync("@" + temp.File(rsp));
            Assert.Equal(2, result.ExitCode);
            Assert.Equal(expected, ErrorLines(result)[0]);
            Assert.DoesNotContain("   at ", result.Error);
        }
    }

    [Fact]
    public async Task A_distribution_that_draws_beyond_its_key_s_range_is_placed_in_the_file()
    {
        using var temp = new TempFolder();
        var file = temp.File("tail.json");
        await File.WriteAllTextAsync(file, Small.Replace("\"sites\": [", """
            "generate": [ { "count": 200, "countryWeights": { "US": 1 }, "chipModels": { "H100-SXM": 1 },
                "targetH100e": { "dist": "pareto", "scale": 100000000, "shape": 1 } } ],
              "sites": [
            """));
        var result = await Cli.RunAsync("validate", file);
        Assert.Equal(2, result.ExitCode);
        Assert.Matches($@"^{System.Text.RegularExpressions.Regex.Escape(file)}:9:\d+: \$\.dataCentres\.generate\[0\]\.targetH100e: expected draws of a number from 0 to 1,000,000,000, found .+ \(\d+ of 200 draws out of range\): narrow the distribution$",
            ErrorLines(result)[0]);
    }
}
