using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Grains;

/// <summary>What every silo (and client) of SupplyChainSim needs, in one place for the CLI and the test clusters.</summary>
public static class SiloSetup
{
    /// <summary>Model types travel through Orleans' System.Text.Json codec, so the model needs no Orleans attributes.</summary>
    public static bool IsModelType(Type type) => type.Assembly == typeof(Tpp).Assembly;

    public static ISiloBuilder AddSupplyChainSim(this ISiloBuilder silo)
    {
        silo.AddMemoryGrainStorageAsDefault();
        silo.Services.AddModelSerialization();
        return silo;
    }

    public static IServiceCollection AddModelSerialization(this IServiceCollection services) =>
        services.AddSerializer(serializer => serializer.AddJsonSerializer(isSupported: IsModelType));
}
