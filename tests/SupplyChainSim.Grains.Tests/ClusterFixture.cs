using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using SupplyChainSim.Grains.Abstractions;
using SupplyChainSim.Model.Worlds;
using SupplyChainSim.Runs;

namespace SupplyChainSim.Grains.Tests;

/// <summary>
/// A two-silo in-process cluster shared by the tests of a collection: grains of one run land on both silos, so
/// messages really cross between silos and travel through the serializer.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddSupplyChainSim();
            // Random placement, so that a run's grains are spread over both silos whatever their load: the default
            // (resource-optimised) placement may keep a short run on one silo, and then nothing crosses the wire.
            silo.Services.AddSingleton<PlacementStrategy, RandomPlacement>();
        });
        // The calls that do a run's work carry their own long response timeout (IRunCoordinatorGrain.LongCall).
        builder.ConfigureClient(client => client.Services.AddModelSerialization());
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    /// <summary>
    /// Steps a started run to its end, deactivating every grain of it halfway: each agent pool, the run's context and
    /// the coordinator, which write their state on deactivation and read it back on activation. <paramref name="halfway"/>
    /// is given the grains just deactivated, before the next month is stepped.
    /// </summary>
    public async Task StepDeactivatingHalfway(IRunCoordinatorGrain coordinator, string run, World world, Action<IReadOnlyList<IAddressable>> halfway)
    {
        for (var month = 0; month < world.Context.Months; month++)
        {
            if (month == world.Context.Months / 2)
            {
                var hosts = new GrainWorldHosts(Grains, run, world);
                var grains = hosts.Parts.SelectMany(p => p).Cast<IAddressable>().Append(hosts.RunContext).Append(coordinator).ToList();
                foreach (var grain in grains) await Cluster.DeactivateAsync(grain);
                halfway(grains);
            }
            await coordinator.StepMonth();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
