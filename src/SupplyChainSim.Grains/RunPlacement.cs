using SupplyChainSim.Grains.Abstractions;

namespace SupplyChainSim.Grains;

/// <summary>
/// Where the grains of a run go. A replication on a cluster is one of many runs: all its grains go to one silo (the one its
/// key names, see <see cref="GrainKeys.OnSilo"/>), so that its months cost no message between silos and the replications,
/// not the grains, are spread. Any other run's grains are spread over the silos in turn, so that one large world's months
/// use them all.
/// </summary>
[GenerateSerializer, Immutable, SuppressReferenceTracking, Alias("scs.run-placement")]
public sealed class RunPlacement : PlacementStrategy
{
    public static readonly RunPlacement Instance = new();
}
