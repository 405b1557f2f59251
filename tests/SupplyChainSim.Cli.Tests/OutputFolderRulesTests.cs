using SupplyChainSim.ScenarioFiles;

namespace SupplyChainSim.Cli.Tests;

/// <summary>Output folders that would replace an input, the working directory or a repository are refused before anything runs.</summary>
public class OutputFolderRulesTests
{
    /// <summary>A copy of the shipped baseline scenario and the world it extends, in <paramref name="folder"/>.</summary>
    private static string CopyBaseline(string folder)
    {
        Directory.CreateDirectory(Path.Combine(folder, "world"));
        File.Copy(Paths.Scenario("baseline-2023.json"), Path.Combine(folder, "baseline-2023.json"));
        File.Copy(Paths.Scenario("world/world.json"), Path.Combine(folder, "world", "world.json"));
        return Path.Combine(folder, "baseline-2023.json");
    }

    private static async Task AssertRefused(TempFolder temp, string expected, string? workingDirectory, params string[] args)
    {
        var before = Folder.Snapshot(temp.Path);
        var result = await Cli.RunAsync(new Cli.Options(workingDirectory), args);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error);
        Assert.EndsWith("nothing was run or written.", result.Error.Trim());
        Assert.DoesNotContain("   at ", result.Error);
        Assert.DoesNotContain("month ", result.Out);
        Assert.Equal(before, Folder.Snapshot(temp.Path));
    }

    [Fact]
    public async Task A_folder_holding_the_scenario_is_refused()
    {
        using var temp = new TempFolder();
        var scenario = CopyBaseline(temp.Path);
        await AssertRefused(temp, $"--out {temp.Path}: holds {scenario}, an input of this run", null, "run", scenario, "--out", temp.Path);
    }

    [Fact]
    public async Task A_folder_holding_a_file_the_scenario_extends_is_refused()
    {
        using var temp = new TempFolder();
        var scenario = CopyBaseline(temp.Path);
        await AssertRefused(temp, $"holds {Path.Combine(temp.Path, "world", "world.json")}, an input of this run", null,
            "run", scenario, "--out", Path.Combine(temp.Path, "world"));
    }

    [Fact]
    public async Task A_folder_holding_the_catalogue_the_scenario_names_is_refused()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.File("data"));
        File.Copy(Path.Combine(Paths.Root, "src", "SupplyChainSim.Model", "Data", "chips.json"), temp.File("data/chips.json"));
        var text = await File.ReadAllTextAsync(LiveObservationTests.Scenario);
        await File.WriteAllTextAsync(temp.File("own-catalogue.json"), text.Replace("\"formatVersion\": 1,", "\"formatVersion\": 1, \"catalogueFile\": \"data/chips.json\","));
        await AssertRefused(temp, $"holds {temp.File("data/chips.json")}, an input of this run", null,
            "run", temp.File("own-catalogue.json"), "--out", temp.File("data"));
    }

    [Fact]
    public async Task The_root_of_the_file_system_is_refused()
    {
        using var temp = new TempFolder();
        await AssertRefused(temp, "--out /: is the root of the file system", null, "run", LiveObservationTests.Scenario, "--out", "/");
    }

    [Fact]
    public async Task A_folder_containing_the_working_directory_is_refused()
    {
        using var temp = new TempFolder();
        var scenario = CopyBaseline(temp.File("scenarios"));
        Directory.CreateDirectory(temp.File("work/here"));
        await AssertRefused(temp, $"--out {temp.File("work")}: contains the current directory ({temp.File("work/here")})", temp.File("work/here"),
            "run", scenario, "--out", temp.File("work"));
    }

    [Fact]
    public async Task A_folder_containing_the_repository_is_refused()
    {
        using var temp = new TempFolder();
        var scenario = CopyBaseline(temp.Path);
        // The working directory and the scenario are elsewhere: the repository is the one the program was built in.
        var result = await Cli.RunAsync(new Cli.Options(temp.Path), "run", scenario, "--out", Path.GetDirectoryName(Paths.Root)!);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"contains the repository {Paths.Root}", result.Error);

        Directory.CreateDirectory(temp.File("clone/.git"));
        await AssertRefused(temp, "is a git repository", temp.Path, "run", scenario, "--out", temp.File("clone"));
    }

    [Fact]
    public async Task Compare_and_sweep_refuse_a_folder_holding_their_scenarios()
    {
        using var temp = new TempFolder();
        var scenario = CopyBaseline(temp.Path);
        await AssertRefused(temp, $"holds {scenario}, an input of this run", null, "compare", Paths.Scenario("diffusion-rule-2025.json"), scenario, "--out", temp.Path);
        await AssertRefused(temp, $"holds {Path.Combine(temp.Path, "world", "world.json")}, an input of this run", null,
            "sweep", scenario, "--set", "months=2,3", "--out", temp.File("world"));
    }

    [Fact]
    public async Task Schema_out_replaces_only_a_schema_file()
    {
        using var temp = new TempFolder();
        var scenario = CopyBaseline(temp.Path);
        var before = Folder.Snapshot(temp.Path);

        var overScenario = await Cli.RunAsync("schema", "--out", scenario);
        Assert.Equal(2, overScenario.ExitCode);
        Assert.Contains($"--out {scenario}: exists and is not a scenario schema written by supplychainsim", overScenario.Error);
        var overFolder = await Cli.RunAsync("schema", "--out", temp.File("world"));
        Assert.Equal(2, overFolder.ExitCode);
        Assert.Contains("is a folder; expected the schema's file name", overFolder.Error);
        Assert.Equal(before, Folder.Snapshot(temp.Path));

        var schema = temp.File(ScenarioSchema.FileName);
        Assert.Equal(0, (await Cli.RunAsync("schema", "--out", schema)).ExitCode);
        Assert.Equal(ScenarioSchema.Text(), await File.ReadAllTextAsync(schema));
        await File.WriteAllTextAsync(schema, ScenarioSchema.Text().Replace("\"type\": \"object\"", "\"type\": \"object\", \"x\": 1"));
        Assert.Equal(0, (await Cli.RunAsync("schema", "--out", schema)).ExitCode);
        Assert.Equal(ScenarioSchema.Text(), await File.ReadAllTextAsync(schema));
        Assert.Equal(before.Keys.Append(ScenarioSchema.FileName).Order(StringComparer.Ordinal), Folder.Snapshot(temp.Path).Keys);
    }
}
