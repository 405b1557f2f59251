using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Providers;
using Orleans.Serialization;
using Orleans.Storage;
using SupplyChainSim.Grains.Abstractions;
using SupplyChainSim.Model.Agents;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Worlds;
using SupplyChainSim.Output;
using SupplyChainSim.ScenarioFiles;

namespace SupplyChainSim.Grains.Tests;

/// <summary>A grain per agent at a size that needs it: the shared context stored once, checkpoints in parts.</summary>
[Collection(ClusterCollection.Name)]
public class ScalingTests(ClusterFixture fixture)
{
    /// <summary>9,000 generated data centres and 300 intermediaries, a grain each: more agents than one checkpoint part holds.</summary>
    private static World Generated(int months) => WorldBuilder.Build(ScenarioLoader.Parse($$"""
        {
          "formatVersion": 1, "name": "scaling", "seed": 5, "start": "2025-01", "months": {{months}},
          "enforcement": { "hubCustomsDetection": 0.2 },
          "regime": { "rules": [ { "rule": "baseline-3A090" } ] },
          "chipmakers": [ { "id": "NVIDIA", "leadTimeMonths": 1, "capacity": { "H100-SXM": 200000, "H20": 100000 } } ],
          "dataCentres": { "generate": [
            { "count": 8000, "idPrefix": "dc", "countryWeights": { "US": 5, "DE": 2, "JP": 2, "MY": 1 }, "chipModels": { "H100-SXM": 1 },
              "targetH100e": { "dist": "uniform", "min": 20, "max": 400 }, "orderSizeH100e": 40, "orderEveryMonths": { "dist": "uniform", "min": 1, "max": 3 } },
            { "count": 1000, "idPrefix": "cn", "countryWeights": { "CN": 1 }, "chipModels": { "H20": 1 },
              "targetH100e": { "dist": "uniform", "min": 20, "max": 200 }, "orderSizeH100e": 20, "orderEveryMonths": 2 }
          ] },
          "intermediaries": { "generate": [
            { "count": 300, "idPrefix": "broker", "hubWeights": { "SG": 2, "MY": 1 }, "buyerCountries": [ "CN" ], "chipModels": { "H100-SXM": 1 },
              "shells": 2, "chipsPerOrder": 10, "orderEveryMonths": 2, "delayMonths": 1 }
          ] }
        }
        """, "scaling.json"), placement: Placement.OnePerAgent);

    private IServiceProvider Silo => fixture.Cluster.Silos[0].ServiceProvider;

    private async Task<IGrainState<AgentState<DataCentreBlock>>> Stored(IDataCentreGrain grain)
    {
        var storage = Silo.GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME);
        var state = new GrainState<AgentState<DataCentreBlock>>(new AgentState<DataCentreBlock>());
        await storage.ReadStateAsync("datacentre", grain.GetGrainId(), state);
        return state;
    }

    [Fact]
    public async Task The_end_of_run_checkpoint_goes_in_parts_and_an_agents_stored_state_holds_no_shared_context()
    {
        var world = Generated(months: 3);
        const string run = "parts";
        var hosts = new GrainWorldHosts(fixture.Grains, run, world);
        Assert.True(hosts.Parts.Count >= 3, $"{hosts.Parts.Count} parts");
        Assert.All(hosts.Parts, part => Assert.InRange(part.Count, 1, GrainWorldHosts.AgentsPerPart)); // a grain per agent
        // and the Entity List, the magnet exporter and a record for each month
        Assert.Equal(world.AgentCount + 2 + world.Context.Months, hosts.Parts.Sum(p => p.Count));

        var coordinator = fixture.Grains.GetGrain<IRunCoordinatorGrain>(run);
        await coordinator.Start(world.AsImmutable());
        while (!await coordinator.IsFinished()) await coordinator.StepMonth();
        var site = fixture.Grains.GetGrain<IDataCentreGrain>(GrainKeys.DataCentres(run, world.DataCentreBlocks[^1]));
        Assert.False((await Stored(site)).RecordExists, "nothing is written before the checkpoint");

        var calls = 0;
        for (var part = 0; await coordinator.Checkpoint(part); part++) calls++;
        Assert.Equal(hosts.Parts.Count, calls + 1);

        var stored = await Stored(site);
        Assert.True(stored.RecordExists);
        Assert.Equal(run, stored.State!.Run);
        Assert.Equal((await site.GetState())!.InstalledH100e, stored.State.Agent!.View().InstalledH100e);
        // The agent alone: far smaller than the run's shared context, which is stored once for the run.
        var serializer = Silo.GetRequiredService<Serializer>();
        var agentBytes = serializer.SerializeToArray(stored.State).Length;
        var contextBytes = serializer.SerializeToArray(world.Context).Length;
        Assert.True(agentBytes < contextBytes / 4, $"a site's state is {agentBytes} bytes beside the {contextBytes}-byte context");

        Assert.Equal(Encoding.UTF8.GetString(ResultFiles.Render(await InMemoryWorldHosts.RunAsync(world))[ResultFiles.Summary]),
            Encoding.UTF8.GetString(ResultFiles.Render((await coordinator.GetResults()).Value)[ResultFiles.Summary]));
        await GrainRun.ReleaseAsync(coordinator);
        Assert.False((await Stored(site)).RecordExists, "release clears what the checkpoint wrote");
    }

    [Fact]
    public async Task Agents_reactivated_on_silos_that_have_forgotten_the_run_take_its_context_from_the_run_and_finish_with_the_same_files()
    {
        var world = WorldBuilder.Build(ScenarioLoader.Load(Paths.Scenario("piecemeal-2025.json")), placement: Placement.OnePerAgent);
        var expected = ResultFiles.Render(await InMemoryWorldHosts.RunAsync(world));

        const string run = "forgotten";
        var coordinator = fixture.Grains.GetGrain<IRunCoordinatorGrain>(run);
        await coordinator.Start(world.AsImmutable());
        for (var month = 0; month < world.Context.Months; month++)
        {
            if (month == world.Context.Months / 2)
            {
                var hosts = new GrainWorldHosts(fixture.Grains, run, world);
                foreach (var grain in hosts.Parts.SelectMany(p => p).Cast<IAddressable>().Append(hosts.RunContext).Append(coordinator))
                    await fixture.Cluster.DeactivateAsync(grain);
                foreach (var silo in fixture.Cluster.Silos) silo.ServiceProvider.GetRequiredService<RunContexts>().Forget(run);
            }
            await coordinator.StepMonth();
        }
        var actual = ResultFiles.Render((await coordinator.GetResults()).Value);
        Assert.Equal(expected.Keys, actual.Keys);
        foreach (var name in expected.Keys) Assert.Equal(Encoding.UTF8.GetString(expected[name]), Encoding.UTF8.GetString(actual[name]));
        await GrainRun.ReleaseAsync(coordinator);
    }
}
