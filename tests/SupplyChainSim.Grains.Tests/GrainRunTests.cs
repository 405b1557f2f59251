using System.Text;
using SupplyChainSim.Grains.Abstractions;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Worlds;
using SupplyChainSim.Output;
using SupplyChainSim.Runs;
using SupplyChainSim.ScenarioFiles;

namespace SupplyChainSim.Grains.Tests;

[Collection(ClusterCollection.Name)]
public class GrainRunTests(ClusterFixture fixture)
{
    private static World Shipped(string name, int poolSize = WorldBuilder.DefaultPoolSize) =>
        WorldBuilder.Build(ScenarioLoader.Load(Paths.Scenario(name)), poolSize);

    [Theory]
    [InlineData("baseline-2023.json")]
    [InlineData("piecemeal-2025.json")] // random detections, the Entity List, linking across sites
    public async Task A_run_on_the_cluster_writes_the_same_bytes_as_the_plain_in_memory_run(string scenario)
    {
        // Small pools spread the data centres over many grains, and so over both silos.
        var world = Shipped(scenario, poolSize: 64);
        var onCluster = ResultFiles.Render(await GrainRun.RunAsync(fixture.Grains, world, "same-bytes-" + scenario));
        var inMemory = ResultFiles.Render(await InMemoryWorldHosts.RunAsync(world));
        OutputFiles.AssertSame(inMemory, onCluster);
        Assert.DoesNotContain("\"breachCount\": 0,", Encoding.UTF8.GetString(onCluster[ResultFiles.Summary]));
        Assert.Contains("\"via\": \"sg-broker-1\"", Encoding.UTF8.GetString(onCluster[ResultFiles.Breaches]));
    }

    [Fact]
    public async Task Agents_hosted_in_grains_really_are_spread_over_both_silos()
    {
        var world = Shipped("baseline-2023.json", poolSize: 64);
        await GrainRun.RunAsync(fixture.Grains, world, "spread");
        var statistics = await fixture.Grains.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
        var blocksPerSilo = statistics.Where(s => s.GrainType.Contains(nameof(DataCentrePoolGrain), StringComparison.Ordinal))
            .GroupBy(s => s.SiloAddress).Select(g => g.Sum(s => s.ActivationCount)).ToList();
        Assert.Equal(2, blocksPerSilo.Count);
        Assert.All(blocksPerSilo, count => Assert.True(count > 0));
    }

    [Fact]
    public async Task A_run_survives_its_grains_being_deactivated_mid_run()
    {
        var world = Shipped("baseline-2023.json", poolSize: 256);
        var expected = ResultFiles.Render(await InMemoryWorldHosts.RunAsync(world));

        const string run = "deactivated";
        var coordinator = fixture.Grains.GetGrain<IRunCoordinatorGrain>(run);
        await coordinator.Start(world.AsImmutable());
        // Every agent grain (the Entity List, the magnet exporter and the grey market too), the run's context and the coordinator.
        await fixture.StepDeactivatingHalfway(coordinator, run, world, grains => Assert.Equal(
            world.DataCentreBlocks.Count + world.IntermediaryBlocks.Count + world.Chipmakers.Count + world.Context.Countries.Countries.Count
            + 3 + world.Context.Months + 2, grains.Count));
        OutputFiles.AssertSame(expected, ResultFiles.Render((await coordinator.GetResults()).Value));
    }

    /// <summary>
    /// Replications run in turn on one key reuse the grains the run before left (a world's pools, countries and month
    /// records), each initialised afresh: every run writes the bytes of its own world's fresh run, whatever ran there
    /// before, and whatever that world had that this one has not. On the embedded silo, where replications reuse grains:
    /// each silo caches a run's context by its key, and only the silo a run starts on takes the new one (this fixture's
    /// random placement would put some of the lane's grains on its other silo, which would keep the last world's).
    /// </summary>
    [Fact]
    public async Task Runs_recycled_on_one_key_each_write_the_same_bytes_as_a_fresh_run_of_their_world()
    {
        var piecemeal = ScenarioLoader.Load(Paths.Scenario("piecemeal-2025.json"));
        World[] worlds = [WorldBuilder.Build(piecemeal, 64), Shipped("baseline-2023.json", poolSize: 256), WorldBuilder.Build(piecemeal.WithSeed(7), 64)];
        await using var silo = await SimulationHost.StartAsync();
        const string lane = "recycled";
        foreach (var world in worlds)
        {
            var expected = ResultFiles.Render(await InMemoryWorldHosts.RunAsync(world));
            OutputFiles.AssertSame(expected, ResultFiles.Render(await GrainRun.RunAsync(silo.Grains, world, lane, recycle: true)));
        }
        var coordinator = silo.Grains.GetGrain<IRunCoordinatorGrain>(lane);
        await GrainRun.ReleaseAsync(coordinator);

        // A run that was not recycled cannot be started over.
        await coordinator.Start(worlds[0].AsImmutable());
        await Assert.ThrowsAsync<InvalidOperationException>(() => coordinator.Start(worlds[0].AsImmutable()));
        await GrainRun.ReleaseAsync(coordinator);
    }

    /// <summary>
    /// The command streams the decisions to licences.csv as it steps the months: the month records then keep counts
    /// only (a million-site world's decisions no longer sit in them to the end), also across the coordinator's
    /// deactivation, and every file is the same bytes as the in-memory run's.
    /// </summary>
    [Fact]
    public async Task A_run_whose_decisions_are_streamed_writes_the_same_files_and_its_month_records_hold_no_decisions()
    {
        var world = Shipped("piecemeal-2025.json", poolSize: 64);
        var expected = ResultFiles.Render(await InMemoryWorldHosts.RunAsync(world));

        const string run = "streamed";
        var coordinator = fixture.Grains.GetGrain<IRunCoordinatorGrain>(run);
        using var licences = new MemoryStream();
        using (var log = new LicenceLog(licences))
        {
            await coordinator.Start(world.AsImmutable(), decisionsStreamed: true);
            for (var month = 0; month < world.Context.Months; month++)
            {
                if (month == world.Context.Months / 2) await fixture.Cluster.DeactivateAsync((IAddressable)coordinator);
                log.Append((await coordinator.StepMonth()).Value);
            }
        }
        var results = (await coordinator.GetResults()).Value;

        Assert.All(results.Months, m => Assert.Empty(m.Decisions));
        Assert.All(results.Months, m => Assert.NotNull(m.DecisionTally));
        OutputFiles.AssertSame(expected, new SortedDictionary<string, byte[]>(ResultFiles.Render(results).ToDictionary(), StringComparer.Ordinal)
        {
            [ResultFiles.LicencesCsv] = licences.ToArray(),
        });
    }

    [Fact]
    public async Task A_durable_run_taken_back_to_its_checkpoint_steps_the_lost_months_again_to_the_same_bytes()
    {
        var world = Shipped("piecemeal-2025.json", poolSize: 256);
        var expected = ResultFiles.Render(await InMemoryWorldHosts.RunAsync(world));

        var coordinator = fixture.Grains.GetGrain<IRunCoordinatorGrain>("durable");
        Assert.True(await coordinator.Begin(world.AsImmutable(), "ticket"));
        // The key is taken: a second run under it is refused and the first is untouched.
        Assert.False(await coordinator.Begin(world.AsImmutable(), "another"));
        Assert.Equal("ticket", await coordinator.Ticket());

        var stepped = 0;
        var takenBack = new List<int>();
        while (!await coordinator.IsFinished())
        {
            await coordinator.StepMonth();
            stepped++;
            // A failure after the month was stepped and before its checkpoint was whole: before the first checkpoint
            // (back to the start), and mid-run (back to the checkpoint after month 2) with a checkpoint half written.
            if (takenBack.Count == 0 && stepped == 1 || takenBack.Count == 1 && stepped == 4)
            {
                if (stepped == 4) await coordinator.Commit(0);
                takenBack.Add(stepped);
                await coordinator.Resume();
                continue;
            }
            for (var part = 0; await coordinator.Commit(part); part++)
            {
            }
        }
        Assert.Equal([1, 4], takenBack);
        Assert.Equal(world.Context.Months + 2, stepped);
        OutputFiles.AssertSame(expected, ResultFiles.Render((await coordinator.GetResults()).Value));
        await GrainRun.ReleaseAsync(coordinator);
        Assert.Null(await fixture.Grains.GetGrain<IRunCoordinatorGrain>("durable").Ticket());
    }
}
