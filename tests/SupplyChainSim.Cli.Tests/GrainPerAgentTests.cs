namespace SupplyChainSim.Cli.Tests;

/// <summary>
/// The hidden --grain-per-agent switch runs quietly. (That it changes where agents are hosted, never what the run finds,
/// the grains' tests show.)
/// </summary>
public class GrainPerAgentTests
{
    [Fact]
    public async Task A_run_with_a_grain_per_agent_writes_its_files_and_nothing_on_standard_error()
    {
        using var temp = new TempFolder();
        var alone = await Cli.RunAsync("run", "scenarios/piecemeal-2025.json", "--months", "6", "--grain-per-agent", "--out", temp.File("alone"));
        Assert.True(alone.ExitCode == 0, alone.Error);
        Assert.Equal("", alone.Error);
        foreach (var file in new[] { "summary.json", "licences.csv", "manifest.json" }) Assert.True(File.Exists(temp.File($"alone/{file}")), file);
    }
}
