using SupplyChainSim.Output;

namespace SupplyChainSim.Cli.Tests;

/// <summary>
/// licences.csv is written as the run goes, into the hidden folder the new output set is staged in, so that a large
/// world's decisions are never all in memory; stopped before its end, the run leaves nothing of it behind.
/// </summary>
public sealed class StreamedOutputTests
{
    [Fact]
    public async Task Licences_csv_is_written_into_the_staging_folder_during_the_run_and_Ctrl_C_leaves_nothing_behind()
    {
        using var temp = new TempFolder();
        await using var run = LiveProcess.Start("run", LiveObservationTests.Scenario, "--dashboard", "--port", "0", "--pace", "2s", "--out", temp.File("out"));
        await run.WaitForLineAsync("2025-02 ", TimeSpan.FromSeconds(60));

        // Mid-run: the new set is begun beside the output folder, hidden, with licences.csv open in it.
        var staging = temp.File($".out.new-{run.Id}");
        Assert.True(File.Exists(Path.Combine(staging, ResultFiles.LicencesCsv)), $"no {ResultFiles.LicencesCsv} in {staging}: [{string.Join(", ", Folder.Entries(temp.Path))}]");
        Assert.False(Directory.Exists(temp.File("out")));

        Assert.Equal(130, await run.InterruptAsync());
        Assert.Contains("cancelled; no results were written", run.Output);
        // Neither the output folder, nor the staging folder with its partial licences.csv, nor the lock file.
        Assert.Empty(Folder.Entries(temp.Path));
    }
}
