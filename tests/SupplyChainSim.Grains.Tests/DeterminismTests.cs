using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using SupplyChainSim.Model.Worlds;
using SupplyChainSim.Output;
using SupplyChainSim.Runs;
using SupplyChainSim.ScenarioFiles;

namespace SupplyChainSim.Grains.Tests;

/// <summary>The same scenario and seed give the same bytes: on one silo or three, run after run, and next year.</summary>
[Collection(ClusterCollection.Name)]
public class DeterminismTests(ClusterFixture fixture)
{
    private static World Piecemeal(ulong? seed = null, int poolSize = 64)
    {
        var scenario = ScenarioLoader.Load(Paths.Scenario("piecemeal-2025.json"));
        return WorldBuilder.Build(seed is { } s ? scenario.WithSeed(s) : scenario, poolSize);
    }

    private static async Task<IReadOnlyDictionary<string, byte[]>> RunOn(IGrainFactory grains, World world, string key) =>
        ResultFiles.Render(await GrainRun.RunAsync(grains, world, key, release: true));

    [Fact]
    public async Task One_silo_and_three_silos_give_byte_identical_files()
    {
        var world = Piecemeal();
        var results = new List<IReadOnlyDictionary<string, byte[]>>();
        foreach (short silos in new short[] { 1, 3 })
        {
            var builder = new InProcessTestClusterBuilder(silos);
            builder.ConfigureSilo((_, silo) =>
            {
                silo.AddSupplyChainSim();
                silo.Services.AddSingleton<PlacementStrategy, RandomPlacement>(); // spread the run over every silo
            });
            builder.ConfigureClient(client => client.Services.AddModelSerialization());
            await using var cluster = builder.Build();
            await cluster.DeployAsync();
            Assert.Equal(silos, cluster.Silos.Count);
            results.Add(await RunOn(cluster.Client, world, $"silos-{silos}"));
        }
        OutputFiles.AssertSame(results[0], results[1]);
    }

    [Fact]
    public async Task Two_runs_in_a_row_give_identical_files()
    {
        var world = Piecemeal();
        OutputFiles.AssertSame(await RunOn(fixture.Grains, world, "twice-1"), await RunOn(fixture.Grains, world, "twice-2"));
    }

    [Fact]
    public async Task A_different_seed_gives_a_different_months_csv_on_a_stochastic_scenario()
    {
        var first = await RunOn(fixture.Grains, Piecemeal(seed: 1), "seed-1");
        var second = await RunOn(fixture.Grains, Piecemeal(seed: 2), "seed-2");
        Assert.False(first[ResultFiles.MonthsCsv].AsSpan().SequenceEqual(second[ResultFiles.MonthsCsv]));
        // Same world: only the run's random events (here customs detections) differ.
        Assert.Equal(Encoding.UTF8.GetString(first[ResultFiles.MonthsCsv]).Split('\n').Length, Encoding.UTF8.GetString(second[ResultFiles.MonthsCsv]).Split('\n').Length);
    }

    /// <summary>
    /// Pins every output file of a small stochastic scenario. A behaviour change must show up here as a reviewed
    /// update of tests/SupplyChainSim.Grains.Tests/Golden: set SUPPLYCHAINSIM_UPDATE_GOLDEN=1, run the test, read the diff.
    /// </summary>
    [Fact]
    public async Task Golden_files_pin_a_small_scenario()
    {
        var scenario = ScenarioLoader.Load(Path.Combine(GoldenFolder, "golden-small.json"));
        var files = await RunOn(fixture.Grains, WorldBuilder.Build(scenario, poolSize: 4), "golden");
        var folder = Path.Combine(GoldenFolder, "golden-small");
        if (Environment.GetEnvironmentVariable("SUPPLYCHAINSIM_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(folder);
            foreach (var (name, bytes) in files) await File.WriteAllBytesAsync(Path.Combine(folder, name), bytes);
        }
        foreach (var (name, bytes) in files)
        {
            var golden = Path.Combine(folder, name);
            Assert.True(File.Exists(golden), $"missing golden file {golden}; set SUPPLYCHAINSIM_UPDATE_GOLDEN=1 to create it");
            Assert.Equal(await File.ReadAllTextAsync(golden), Encoding.UTF8.GetString(bytes));
        }
        Assert.Contains("\"breachCount\": 2", Encoding.UTF8.GetString(files[ResultFiles.Summary]));
    }

    private static string GoldenFolder => Path.Combine(Paths.Root, "tests", "SupplyChainSim.Grains.Tests", "Golden");
}
