namespace SupplyChainSim.Cli.Tests;

/// <summary>The hidden --grain-per-agent switch changes where agents are hosted, never what the run finds.</summary>
public class GrainPerAgentTests
{
    [Fact]
    public async Task A_run_with_a_grain_per_agent_writes_the_same_files_and_nothing_on_standard_error()
    {
        using var temp = new TempFolder();
        var pooled = await Cli.RunAsync("run", "scenarios/piecemeal-2025.json", "--out", temp.File("pooled"));
        Assert.True(pooled.ExitCode == 0, pooled.Error);
        var alone = await Cli.RunAsync("run", "scenarios/piecemeal-2025.json", "--grain-per-agent", "--out", temp.File("alone"));
        Assert.True(alone.ExitCode == 0, alone.Error);
        Assert.Equal("", alone.Error);

        var names = Directory.GetFiles(temp.File("pooled")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(names, Directory.GetFiles(temp.File("alone")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var name in names.Where(n => n != "manifest.json")) // the manifest records the command line
            Assert.True(File.ReadAllBytes(Path.Combine(temp.File("pooled"), name!)).SequenceEqual(File.ReadAllBytes(Path.Combine(temp.File("alone"), name!))), $"{name} differs");
    }
}
