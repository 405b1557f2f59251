using SupplyChainSim.Benchmarks;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Worlds;

namespace SupplyChainSim.Cli.Tests;

public class BenchmarkWorldTests
{
    /// <summary>
    /// Optimisation must never change results: the benchmark world (at a size a test can afford) keeps the figures and
    /// output bytes pinned in Golden/benchmark-world.txt (<see cref="PinnedOutputs"/>).
    /// </summary>
    [Fact]
    public async Task The_benchmark_worlds_outputs_are_pinned()
    {
        var world = WorldBuilder.Build(BenchmarkWorld.Scenario(dataCentres: 2_000, intermediaries: 200, months: 24));
        Assert.Equal(2_000 + 200 + 199 + 10, world.AgentCount);
        PinnedOutputs.AssertPinned(await InMemoryWorldHosts.RunAsync(world));
    }
}
