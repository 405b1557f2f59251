using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Worlds;
using SupplyChainSim.Output;
using SupplyChainSim.ScenarioFiles;

namespace SupplyChainSim.Model.Tests;

/// <summary>
/// A large world's decisions are streamed to licences.csv as each month is recorded instead of held to the end: the
/// files are the same bytes either way, and a streamed run's months hold only the decisions' counts.
/// </summary>
public class StreamedDecisionTests
{
    // Revenue shares (H20 to China), denials, exemptions and a concession: every column of licences.csv and every count the summary makes.
    public static TheoryData<string> Scenarios() => new() { "chips-for-magnets-2025.json", "piecemeal-2025.json", "diffusion-rule-2025.json" };

    private static World Load(string scenario) => WorldBuilder.Build(ScenarioLoader.Load(Paths.Scenario(scenario)));

    private static async Task<(RunResults Results, byte[] Licences)> Streamed(World world, bool parallel = false)
    {
        using var stream = new MemoryStream();
        RunResults results;
        using (var log = new LicenceLog(stream))
            results = await InMemoryWorldHosts.RunAsync(world, licences: log, parallel: parallel);
        return (results, stream.ToArray());
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task A_run_whose_decisions_are_streamed_writes_the_same_files_as_one_that_holds_them(string scenario)
    {
        var world = Load(scenario);
        var held = ResultFiles.Render(await InMemoryWorldHosts.RunAsync(world));
        var (results, licences) = await Streamed(world);
        var files = ResultFiles.Render(results);

        Assert.True(held[ResultFiles.LicencesCsv].Length > 1000, "the scenario makes licence decisions");
        Assert.Equal(System.Text.Encoding.UTF8.GetString(held[ResultFiles.LicencesCsv]), System.Text.Encoding.UTF8.GetString(licences));
        Assert.Equal(held.Keys.Where(k => k != ResultFiles.LicencesCsv), files.Keys);
        foreach (var (name, bytes) in files) Assert.True(held[name].AsSpan().SequenceEqual(bytes), $"{name} differs");
    }

    [Fact]
    public async Task A_streamed_runs_months_hold_the_decisions_counts_not_the_decisions()
    {
        var world = Load("chips-for-magnets-2025.json");
        var held = await InMemoryWorldHosts.RunAsync(world);
        var (results, _) = await Streamed(world);

        Assert.True(results.DecisionsStreamed);
        Assert.All(results.Months, m => Assert.Empty(m.Decisions));
        Assert.Equal(held.Months.Select(m => m.Decisions.Count), results.Months.Select(m => m.Licensing.Count()));
        Assert.Equal(held.Months.Select(m => m.Decisions.Sum(d => d.RevenueShareUsd)), results.Months.Select(m => m.Licensing.RevenueShareUsd));
        Assert.True(held.Months.Sum(m => m.Decisions.Sum(d => d.RevenueShareUsd)) > 0, "the scenario has revenue shares");
        // licences.csv cannot be rendered again from counts: asked to, the model says so rather than write a header alone.
        Assert.Throws<InvalidOperationException>(() => ResultFiles.RenderLicences(results));
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task The_parallel_in_memory_run_writes_the_same_files_as_the_single_threaded_one(string scenario)
    {
        var world = Load(scenario);
        var (single, singleLicences) = await Streamed(world);
        var (parallel, parallelLicences) = await Streamed(world, parallel: true);

        Assert.Equal(singleLicences, parallelLicences);
        var expected = ResultFiles.Render(single);
        foreach (var (name, bytes) in ResultFiles.Render(parallel)) Assert.True(expected[name].AsSpan().SequenceEqual(bytes), $"{name} differs");
    }
}
