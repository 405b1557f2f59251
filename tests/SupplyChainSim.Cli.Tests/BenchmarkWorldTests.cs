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
        Assert.Equal("05e9bf4987834419af79d2c9b24e62e53a4fd1bdbf65e36b8f571d79615babb7", hash);
    }
}
