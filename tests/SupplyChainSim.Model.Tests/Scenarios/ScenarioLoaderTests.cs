using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.ScenarioFiles;

namespace SupplyChainSim.Model.Tests;

public class ScenarioLoaderTests
{
    private static ScenarioError Error(string json) =>
        Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(json, "bad.json")).Errors[0];

    private static string Replace(string from, string to)
    {
        Assert.Contains(from, TestWorlds.HandComputed);
        return TestWorlds.HandComputed.Replace(from, to);
    }

    [Fact]
    public void Every_shipped_scenario_loads()
    {
        var files = Directory.GetFiles(Path.Combine(Paths.Root, "scenarios"), "*.json").Where(f => !f.EndsWith(".schema.json", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(files);
        Assert.All(files, f => Assert.NotNull(ScenarioLoader.Load(f)));
    }

    [Fact]
    public void Syntax_errors_name_the_file_line_and_column()
    {
        var error = Error(Replace("\"months\": 6,", "\"months\": 6,,"));
        Assert.Equal(("bad.json", 7), (error.File, error.Line));
        Assert.Matches(@"^bad\.json:7:\d+: ", error.ToString());
    }

    [Fact]
    public void Wrong_types_say_what_was_expected() =>
        Assert.Equal("$.months: expected a whole number from 1 to 1,200, found \"six\"", Trim(Error(Replace("\"months\": 6", "\"months\": \"six\""))));

    [Fact]
    public void Unknown_keys_are_rejected() =>
        Assert.Equal("$.monhts: unknown key \"monhts\"; did you mean \"months\"?", Trim(Error(Replace("\"months\": 6", "\"months\": 6, \"monhts\": 6"))));

    [Fact]
    public void Missing_required_keys_are_named() =>
        Assert.Contains("missing required key \"seed\"", Error(Replace("\"seed\": 1,", "")).Message);

    [Fact]
    public void Months_must_be_YYYY_MM() =>
        Assert.Equal("$.start: expected a month \"YYYY-MM\" (for example \"2025-05\"), found \"2024-1\"",
            Trim(Error(Replace("\"2024-01\"", "\"2024-1\""))));

    [Fact]
    public void Unknown_countries_and_chips_are_dangling_references()
    {
        var country = Error(Replace("\"country\": \"US\"", "\"country\": \"XX\""));
        Assert.Equal("$.dataCentres.sites[0].country", country.JsonPath);
        Assert.Contains("unknown country code \"XX\"", country.Message);
        var chip = Error(Replace("\"chipModel\": \"H20\"", "\"chipModel\": \"H2O\""));
        Assert.Equal("$.dataCentres.sites[1].chipModel: unknown chip model \"H2O\"; did you mean \"H20\"?", Trim(chip));
    }

    [Fact]
    public void Every_semantic_error_is_reported_in_one_pass()
    {
        var json = Replace("\"months\": 6", "\"months\": 0").Replace("\"shells\": 2", "\"shells\": 0");
        var errors = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(json, "bad.json")).Errors;
        Assert.Equal(["$.months", "$.intermediaries.list[0].shells"], errors.Select(e => e.JsonPath));
    }

    [Fact]
    public void Empty_missing_and_directory_inputs_get_clear_errors()
    {
        Assert.Equal("$: is empty; expected a JSON object", Trim(Error("  ")));
        var missing = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load("/nonexistent/scenario.json")).Errors[0];
        Assert.Equal("/nonexistent/scenario.json: $: file not found", missing.ToString());
        var directory = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(Paths.Root)).Errors[0];
        Assert.Contains("is a directory", directory.Message);
    }

    [Fact]
    public void Errors_found_after_reading_still_name_their_line_and_column()
    {
        using var folder = new TempFolder();
        var file = folder.Write("scenario.json", Replace("\"country\": \"US\"", "\"country\": \"XX\""));
        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(file)).Errors.Single();
        var line = File.ReadAllLines(file).Select((text, index) => (text, index)).First(l => l.text.Contains("\"XX\"")).index + 1;
        Assert.Equal((file, line), (error.File, error.Line));
        Assert.StartsWith($"{file}:{line}:", error.ToString());
    }

    [Fact]
    public void Errors_in_a_file_that_is_extended_point_into_that_file()
    {
        using var folder = new TempFolder();
        var world = folder.Write("world.json", Replace("\"chipModel\": \"H20\"", "\"chipModel\": \"H2O\""));
        var scenario = folder.Write("scenario.json", "{ \"extends\": \"world.json\", \"name\": \"child\", \"months\": 3 }");
        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(scenario)).Errors.Single();
        Assert.Equal(world, error.File);
        Assert.Equal(File.ReadAllLines(world).ToList().FindIndex(l => l.Contains("H2O")) + 1, error.Line);
        Assert.Contains("did you mean \"H20\"", error.Message);
        // A wrong value the child sets is found in the child, in the same pass as the base file's error.
        File.WriteAllText(scenario, "{ \"extends\": \"world.json\",\n  \"months\": \"three\" }");
        var errors = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(scenario)).Errors;
        Assert.Equal([scenario, world], errors.Select(e => e.File));
        var typeError = errors[0];
        Assert.Equal((scenario, 2, "$.months: expected a whole number from 1 to 1,200, found \"three\""), (typeError.File, typeError.Line, $"{typeError.JsonPath}: {typeError.Message}"));
    }

    [Fact]
    public void Extends_cycles_are_reported_not_followed()
    {
        using var folder = new TempFolder();
        folder.Write("a.json", "{ \"extends\": \"b.json\" }");
        var b = folder.Write("b.json", "{ \"extends\": \"a.json\" }");
        Assert.Contains("extends itself", Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(b)).Errors.Single().Message);
    }

    [Fact]
    public void The_catalogue_and_country_files_a_scenario_names_are_recorded_with_the_files_it_extends()
    {
        using var folder = new TempFolder();
        var data = Path.Combine(Paths.Root, "src", "SupplyChainSim.Model", "Data");
        var catalogue = folder.Write("my-chips.json", File.ReadAllText(Path.Combine(data, "chips.json")));
        var countries = folder.Write("my-countries.json", File.ReadAllText(Path.Combine(data, "countries.json")));
        var world = folder.Write("world.json", TestWorlds.HandComputed.Replace("\"formatVersion\": 1,", "\"formatVersion\": 1, \"countriesFile\": \"my-countries.json\","));
        var scenario = folder.Write("scenario.json", "{ \"extends\": \"world.json\", \"catalogueFile\": \"my-chips.json\" }");

        var loaded = ScenarioLoader.Load(scenario);

        Assert.Equal([scenario, world], loaded.Files);
        Assert.Equal([catalogue, countries], loaded.DataFiles);
        Assert.Equal([countries], ScenarioLoader.Load(world).DataFiles);
        Assert.Empty(ScenarioLoader.Load(folder.Write("built-in.json", TestWorlds.HandComputed)).DataFiles);
    }

    private sealed class TempFolder : IDisposable
    {
        private readonly string path = Directory.CreateTempSubdirectory("scs-loader-").FullName;

        public string Write(string name, string text)
        {
            var file = Path.Combine(path, name);
            File.WriteAllText(file, text);
            return file;
        }

        public void Dispose() => Directory.Delete(path, recursive: true);
    }

    private static string Trim(ScenarioError error) => $"{error.JsonPath}: {error.Message}";
}

public class UnitWarningTests
{
    [Fact]
    public void A_threshold_in_the_wrong_unit_is_a_warning_with_its_place_not_an_error()
    {
        var json = TestWorlds.HandComputed.Replace("\"months\": 6,", "\"months\": 6,\n  \"regime\": { \"rules\": [ { \"rule\": \"lpp-exemption\", \"allowanceTpp\": 1699 } ] },");
        var scenario = ScenarioLoader.Parse(json, "units.json");
        var warning = Assert.Single(scenario.Warnings);
        Assert.True(warning.IsWarning);
        Assert.Equal("$.regime.rules[0].allowanceTpp", warning.JsonPath);
        Assert.Matches(@"^units\.json:\d+:\d+: warning: \$\.regime\.rules\[0\]\.allowanceTpp: 1,699 TPP is 0 H100e a consignee a year; the rule's is 26,900,000 TPP \(1,699 H100e\)", warning.ToString());
    }
}
