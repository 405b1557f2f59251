using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.World;

namespace SupplyChainSim.Model.Tests;

public class SmokeTests
{
    [Fact]
    public void A_load() => Assert.NotNull(ScenarioLoader.Load(Paths.Scenario("baseline-2023.json")));

    [Fact]
    public void B_build() => Assert.True(WorldBuilder.Build(ScenarioLoader.Load(Paths.Scenario("baseline-2023.json"))).DataCentreCount > 0);

    [Fact]
    public async Task C_run()
    {
        var world = WorldBuilder.Build(ScenarioLoader.Load(Paths.Scenario("baseline-2023.json")));
        File.AppendAllText("/tmp/trace.txt", $"built {world.DataCentreCount}\n");
        var hosts = new InMemoryWorldHosts();
        await hosts.InitialiseAsync(world);
        var stepper = new MonthStepper(world, hosts);
        while (!stepper.Finished) { var r = await stepper.StepAsync(); File.AppendAllText("/tmp/trace.txt", $"{r.Month}\n"); }
    }
}
