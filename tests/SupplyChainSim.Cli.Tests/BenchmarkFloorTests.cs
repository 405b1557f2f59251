using SupplyChainSim.Benchmarks;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Worlds;
using SupplyChainSim.Output;

namespace SupplyChainSim.Cli.Tests;

/// <summary>
/// The benchmark's floor on one thread and in parallel, and the silo's run, all with their decisions streamed to
/// licences.csv: the same output bytes as those pinned (<see cref="PinnedOutputs"/>) for the run that holds them.
/// </summary>
public class BenchmarkFloorTests
{
    [Fact]
    public async Task The_parallel_floor_with_streamed_decisions_gives_the_pinned_outputs()
    {
        var world = WorldBuilder.Build(BenchmarkWorld.Scenario(dataCentres: 2_000, intermediaries: 200, months: 24));
        using var temp = new TempFolder();
        var licences = temp.File(ResultFiles.LicencesCsv);
        RunResults results;
        await using (var file = File.Create(licences))
        using (var log = new LicenceLog(file))
            results = await InMemoryWorldHosts.RunAsync(world, licences: log, parallel: true);
        PinnedOutputs.AssertPinned(results, licences);
    }

    [Fact]
    public async Task The_benchmark_reports_both_floors_and_ratios_against_both_with_the_same_outputs_from_every_run()
    {
        var figures = await Benchmark.RunAsync(2_000, 200, 24, floor: true);

        Assert.True(figures["outputsIdentical"]!.GetValue<bool>(), figures.ToJsonString());
        Assert.Equal(PinnedOutputs.Pinned().Single(l => l.Name == PinnedOutputs.AllOutputs).Value, figures["outputsSha256"]!.GetValue<string>());
        foreach (var name in new[] { "floorAgentMonthsPerSecond", "parallelFloorAgentMonthsPerSecond", "actorToFloorRatio", "actorToParallelFloorRatio" })
            Assert.True(figures[name]!.GetValue<double>() > 0, $"{name}: {figures.ToJsonString()}");
    }
}
