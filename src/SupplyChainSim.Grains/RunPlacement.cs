
namespace SupplyChainSim.Grains;

/// <summary>
/// Where the grains of a run go. A replication on a cluster is one of many runs: all its grains go to one silo (the one its
/// key names, see <see cref="OnSilo"/>), so that its months cost no message between silos and the replications, not the
/// grains, are spread. Any other run's grains are spread over the silos in turn, so that one large world's months use
/// them all.
/// </summary>
[GenerateSerializer, Immutable, SuppressReferenceTracking, Alias("scs.run-placement")]
public sealed class RunPlacement : PlacementStrategy
{
    public static readonly RunPlacement Instance = new();

    private const string Prefix = "silo-";

    /// <summary>The key of a run kept on one silo: the <paramref name="index"/>-th of the cluster's silos in address order, modulo their number.</summary>
    public static string OnSilo(int index, string runKey) => $"{Prefix}{index}.{runKey}";

    /// <summary>The silo index a grain key asks for, or null for a run spread over the silos.</summary>
    public static int? SiloIndex(string grainKey)
    {
        if (!grainKey.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        var end = grainKey.IndexOf('.', Prefix.Length);
        return end > Prefix.Length && int.TryParse(grainKey.AsSpan(Prefix.Length, end - Prefix.Length), out var index) && index >= 0 ? index : null;
    }
}
