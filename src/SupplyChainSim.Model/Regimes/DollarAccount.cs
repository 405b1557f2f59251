
namespace SupplyChainSim.Model.Regimes;

/// <summary>An account of dollars: the US investment a country pledged, drawn on by build-out.</summary>
public readonly record struct DollarAccount(string Key)
{
    public static DollarAccount Pledge(string country) => new($"pledge:{country}");
}
