using SupplyChainSim.Model.Worlds;
using SupplyChainSim.Output;
using SupplyChainSim.ScenarioFiles;

namespace SupplyChainSim.Grains.Tests;

/// <summary>A grain per agent (`run --grain-per-agent`) changes where agents are hosted, never what the run finds.</summary>
[Collection(ClusterCollection.Name)]
public class GrainPerAgentTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_run_with_a_grain_per_agent_writes_the_same_files_as_the_pooled_run()
    {
        // A year of the shipped world, its generated sites pooled or each in a grain of its own.
        var scenario = ScenarioLoader.Load(Paths.Scenario("piecemeal-2025.json")).WithMonths(12);
        var (pools, one) = (WorldBuilder.Build(scenario), WorldBuilder.Build(scenario, placement: Placement.OnePerAgent));
        Assert.Contains(pools.DataCentreBlocks, b => b.Hosting == Hosting.Pool);
        Assert.DoesNotContain(one.DataCentreBlocks, b => b.Hosting == Hosting.Pool);
        var pooled = ResultFiles.Render(await GrainRun.RunAsync(fixture.Grains, pools, "pooled", release: true));
        OutputFiles.AssertSame(pooled, ResultFiles.Render(await GrainRun.RunAsync(fixture.Grains, one, "grain-per-agent", release: true)));
    }
}
