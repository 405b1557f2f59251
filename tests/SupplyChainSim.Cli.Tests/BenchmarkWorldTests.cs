using SupplyChainSim.Benchmarks;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Worlds;

namespace SupplyChainSim.Cli.Tests;

public class BenchmarkWorldTests
{
    /// <summary>
    /// Optimisation must never change results: the benchmark world (at a size a test can afford) keeps these exact
    /// output bytes. A deliberate behaviour change updates the hash, with the reason in the commit.
    /// </summary>
    [Fact]
    public async Task The_benchmark_worlds_outputs_are_pinned()
    {
        var world = WorldBuilder.Build(BenchmarkWorld.Scenario(dataCentres: 2_000, intermediaries: 200, months: 24));
        Assert.Equal(2_000 + 200 + 199 + 10, world.AgentCount);
        var hash = Benchmark.Hash(await InMemoryWorldHosts.RunAsync(world));
        Assert.Equal("5ea3bc0d2840f613458b7907dcbf10ba5c8c4397b146df2ae1601d8a89dafb6c", hash);
    }
}
