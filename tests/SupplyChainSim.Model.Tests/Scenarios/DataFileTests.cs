using System.Diagnostics;
using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.ScenarioFiles;

namespace SupplyChainSim.Model.Tests;

/// <summary>
/// The files a scenario names (catalogue, countries, extends) are checked as rigorously as the scenario, with their
/// own lines and columns; what is not a regular file is refused before it is opened.
/// </summary>
public sealed class DataFileTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("scs-data-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Write(string name, string text)
    {
        var file = Path.Combine(folder, name);
        File.WriteAllText(file, text);
        return file;
    }

    /// <summary>The hand-computed world with extra top-level keys.</summary>
    private string Scenario(string keys) =>
        Write("scenario.json", TestWorlds.HandComputed.Replace("\"months\": 6,", $"\"months\": 6,\n  {keys},"));

    /// <summary>Loads on another thread, so that a file that blocks (a FIFO) fails the test instead of hanging it.</summary>
    private static IReadOnlyList<ScenarioError> Errors(string scenario)
    {
        var load = Task.Run(() => ScenarioLoader.Load(scenario));
        Assert.True(Task.WaitAny([load], TimeSpan.FromSeconds(20)) == 0, "loading blocked");
        return Assert.IsType<ScenarioException>(load.Exception?.InnerException).Errors;
    }

    private static string At(string file, string token, string message)
    {
        var lines = File.ReadAllLines(file);
        var line = Array.FindIndex(lines, l => l.Contains(token, StringComparison.Ordinal));
        return $"{file}:{line + 1}:{lines[line].IndexOf(token, StringComparison.Ordinal) + 1}: {message}";
    }

    [Fact]
    public void A_catalogue_is_checked_like_a_scenario_with_every_problem_at_its_place()
    {
        var chips = Write("chips.json", """
            {
              "chips": [
                { "model": "H100-SXM", "maker": "NVIDIA", "tpp": 15831.2 },
                { "model": "H20", "maker": "NVIDIA", "tpp": 0 },
                { "model": "H100-SXM", "maker": "NVIDIA", "tpp": 15831.2 },
                null,
                { "model": "Big", "maker": "X", "tpp": 1e18 },
                { "model": "Neg", "maker": "X", "tpp": -15831.2, "dieAreaMm2": 0 }
              ]
            }
            """);
        var scenario = Scenario("\"catalogueFile\": \"chips.json\"");
        Assert.Equal(
        [
            At(chips, "\"tpp\": 0", "$.chips[1].tpp: expected a number from 1 to 10,000,000, found 0"),
            $"{chips}:5:7: $.chips[2].model: duplicate model \"H100-SXM\" (first at $.chips[0].model); expected each model once",
            $"{chips}:6:5: $.chips[3]: expected an object, found null",
            At(chips, "\"tpp\": 1e18", "$.chips[4].tpp: expected a number from 1 to 10,000,000, found 1e18"),
            At(chips, "\"tpp\": -15831.2", "$.chips[5].tpp: expected a number from 1 to 10,000,000, found -15831.2"),
            At(chips, "\"dieAreaMm2\"", "$.chips[5].dieAreaMm2: expected a number above 0, up to 100,000, found 0"),
        ], Errors(scenario).Select(e => e.ToString()));
        Assert.Equal("    null,", File.ReadAllLines(chips)[5]);
    }

    [Fact]
    public void A_country_list_is_checked_like_a_scenario_and_the_scenario_in_the_same_pass()
    {
        var countries = Write("countries.json", """
            {
              "countries": [
                { "code": "US", "tier": 1 },
                { "code": "SG", "transitHub": true },
                { "code": "US", "tier": 1 },
                null,
                { "code": "CN", "tier": 9 },
                { "code": "usa", "customsEnforcement": 1.5 }
              ]
            }
            """);
        // The scenario's own problem (an unknown key) comes in the same run, before the country file's.
        var scenario = Scenario("\"countriesFile\": \"countries.json\", \"colour\": \"blue\"");
        var errors = Errors(scenario).Select(e => e.ToString()).ToList();
        Assert.Equal(
        [
            At(scenario, "\"colour\"", "$.colour: unknown key \"colour\""),
            $"{countries}:5:7: $.countries[2].code: duplicate country code \"US\" (first at $.countries[0].code); expected each country code once",
            $"{countries}:6:5: $.countries[3]: expected an object, found null",
            At(countries, "\"tier\": 9", "$.countries[4].tier: expected a whole number from 1 to 3, found 9"),
            At(countries, "\"code\": \"usa\"", "$.countries[5].code: expected an ISO 3166-1 alpha-2 code (two capital letters), found \"usa\""),
            At(countries, "\"customsEnforcement\"", "$.countries[5].customsEnforcement: expected a fraction from 0 to 1, found 1.5"),
        ], errors);
    }

    [Fact]
    public void A_chip_with_no_TPP_is_refused_before_it_can_divide_by_zero()
    {
        Write("chips.json", """{ "chips": [ { "model": "H100-SXM", "maker": "NVIDIA", "tpp": 0 }, { "model": "H20", "maker": "NVIDIA", "tpp": 2368, "dieAreaMm2": 814 } ] }""");
        var error = Assert.Single(Errors(Scenario("\"catalogueFile\": \"chips.json\"")));
        Assert.Equal("$.chips[0].tpp: expected a number from 1 to 10,000,000, found 0", $"{error.JsonPath}: {error.Message}");
    }

    public static TheoryData<string> Keys => new() { "extends", "catalogueFile", "countriesFile" };

    [Theory]
    [MemberData(nameof(Keys))]
    public void A_device_named_directly_or_through_a_link_is_refused_at_the_key_that_names_it(string key)
    {
        if (!OperatingSystem.IsLinux()) return;
        File.CreateSymbolicLink(Path.Combine(folder, "random.json"), "/dev/urandom");
        foreach (var (name, kind) in new[] { ("/dev/zero", "/dev/zero"), ("random.json", Path.Combine(folder, "random.json")) })
        {
            var scenario = Scenario($"\"{key}\": \"{name}\"");
            var error = Assert.Single(Errors(scenario));
            Assert.Equal(At(scenario, $"\"{key}\"", $"$.{key}: cannot read {kind}: is a character device, not a regular file; expected a JSON file"), error.ToString());
        }
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void A_FIFO_is_refused_without_being_opened(string key)
    {
        if (!OperatingSystem.IsLinux()) return;
        var fifo = Path.Combine(folder, "pipe.json");
        using (var mkfifo = Process.Start("mkfifo", [fifo])) mkfifo.WaitForExit();
        var scenario = Scenario($"\"{key}\": \"pipe.json\"");
        var error = Assert.Single(Errors(scenario));
        Assert.Equal(At(scenario, $"\"{key}\"", $"$.{key}: cannot read {fifo}: is a FIFO (named pipe), not a regular file; expected a JSON file"), error.ToString());
        // The scenario itself, too.
        Assert.Equal($"{fifo}: $: is a FIFO (named pipe), not a regular file; expected a JSON file", Assert.Single(Errors(fifo)).ToString());
    }

    [Fact]
    public void A_regular_file_that_reports_no_length_is_still_read_no_further_than_16_MB()
    {
        // /proc/self/pagemap says it is 0 bytes long and yields gigabytes; the length was once all that was checked.
        if (!OperatingSystem.IsLinux() || new FileInfo("/proc/self/pagemap").Length != 0) return;
        Assert.Equal("/proc/self/pagemap: $: is more than 16,777,216 bytes; a scenario file is at most 16,777,216 bytes",
            Assert.Single(Errors("/proc/self/pagemap")).ToString());
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void A_file_name_with_a_NUL_character_is_an_error_at_its_key(string key)
    {
        var scenario = Scenario($"\"{key}\": \"chips\\u0000.json\"");
        var error = Assert.Single(Errors(scenario));
        Assert.Equal(At(scenario, $"\"{key}\"", $"$.{key}: expected a file name, found one with a NUL character: \"chips\\0.json\""), error.ToString());
    }

    [Fact]
    public void The_built_in_catalogue_and_countries_pass_the_same_checks() =>
        Assert.True(ScenarioLoader.BuiltIn.Catalogue.Chips.Count > 10 && ScenarioLoader.BuiltIn.Countries.Countries.Count == 199);

    [Fact]
    public void A_chip_whose_class_turns_on_its_density_warns_when_it_has_no_die_area()
    {
        // 3,000 TPP: 3A090.a or .b or neither depending on performance density, which a missing die area leaves at 0.
        Write("chips.json", """{ "chips": [ { "model": "H100-SXM", "maker": "NVIDIA", "tpp": 15831.2 }, { "model": "H20", "maker": "NVIDIA", "tpp": 3000 } ] }""");
        var loaded = ScenarioLoader.Load(Scenario("\"catalogueFile\": \"chips.json\""));
        var warning = Assert.Single(loaded.Warnings);
        Assert.True(warning.IsWarning);
        Assert.Equal("$.chips[1].dieAreaMm2", warning.JsonPath);
        Assert.Contains("performance density is taken as 0", warning.Message);
    }

    [Fact]
    public void A_revenue_share_on_a_chip_without_a_price_is_an_error_not_a_silent_zero()
    {
        Write("chips.json", """{ "chips": [ { "model": "H100-SXM", "maker": "NVIDIA", "tpp": 15831.2 }, { "model": "H20", "maker": "NVIDIA", "tpp": 2368, "dieAreaMm2": 814 } ] }""");
        var scenario = TestWorlds.HandComputed.Replace("\"months\": 6,", "\"months\": 6,\n  \"catalogueFile\": \"chips.json\",\n  \"regime\": { \"rules\": [ { \"rule\": \"revenue-share\", \"chipModels\": [ \"H20\" ], \"share\": 0.15 } ] },");
        var error = Assert.Single(Errors(Write("scenario.json", scenario)));
        Assert.Equal("$.regime.rules[0].chipModels", error.JsonPath);
        Assert.Contains("no unitPriceUsd", error.Message);
    }
}
