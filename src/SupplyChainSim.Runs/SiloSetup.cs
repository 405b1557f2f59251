using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Providers;
using Orleans.Serialization;
using Orleans.Serialization.Configuration;
using Orleans.Storage;
using SupplyChainSim.Grains;
using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Runs;

/// <summary>
/// What every silo (and client) of SupplyChainSim needs, in one place for the CLI, the benchmark and the test clusters. It
/// lives with the host: the grains themselves reference only the Orleans SDK, and the host chooses storage and codecs.
/// </summary>
public static class SiloSetup
{
    /// <summary>Model types travel through Orleans' System.Text.Json codec, so the model needs no Orleans attributes.</summary>
    public static bool IsModelType(Type type) => type.Assembly == typeof(Tpp).Assembly;

    /// <param name="cluster">A worker silo of a cluster: grain state in the cluster's Redis, written only at a run's checkpoints.</param>
    public static ISiloBuilder AddSupplyChainSim(this ISiloBuilder silo, ClusterConnection? cluster = null)
    {
        // Grain state goes through Orleans' own serializer, and so through the same System.Text.Json codec as
        // messages; the default storage serializer (Newtonsoft.Json) cannot round-trip the model's records.
        if (cluster is null)
        {
            silo.AddMemoryGrainStorageAsDefault();
            silo.Services.AddOptions<MemoryGrainStorageOptions>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME)
                .Configure<Serializer>((options, serializer) => options.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer));
        }
        else
        {
            silo.AddRedisGrainStorageAsDefault(options => options.Configure<Serializer>((o, serializer) =>
            {
                o.ConfigurationOptions = cluster.RedisOptions();
                o.DeleteStateOnClear = true;
                o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
            }));
            silo.Services.Configure<RunDurabilityOptions>(o => o.Durable = true);
        }
        silo.Services.AddModelSerialization();
        // Calls keep Orleans' default response timeout (30 s); the few that do a run's work carry a long one of their
        // own (IRunCoordinatorGrain.LongCall), so that a call lost with a silo fails in seconds, not minutes.
        // Every grain of the project is placed by RunPlacement (replications on one silo each, other runs spread).
        silo.Services.AddSingleton<PlacementStrategy>(RunPlacement.Instance);
        silo.AddPlacementDirector<RunPlacement, RunPlacementDirector>();
        // Each run's shared context, once per silo: agent grains hold a reference to it instead of a copy in their state.
        silo.Services.AddSingleton<RunContexts>();
        return silo;
    }

    public static IServiceCollection AddModelSerialization(this IServiceCollection services) =>
        services.AddSerializer(serializer => serializer.AddJsonSerializer(isSupported: IsModelType, ScenarioJson.Wire))
            // A phase reaches every agent through one generic grain call (IAgentGrain<TAgent>.Ask<TReply>). Orleans allows
            // a generic call's type on the wire only when the call generated for the grain interface and the types it is
            // closed over are all allowed: the model's types (which the codec above carries) and the grain interfaces'.
            .Configure<TypeManifestOptions>(options =>
            {
                options.AddAllowedAssembly(typeof(Tpp).Assembly);
                options.AddAllowedAssembly(typeof(Grains.Abstractions.IAgentGrain<>).Assembly);
            });
}
