using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
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
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
