using SupplyChainSim.Model.Agents;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Output.Json;

/// <summary>breaches.json: a cluster that went beyond the rules in one kind, when it first did and where it stood at the end, with its acquisitions.</summary>
internal sealed record BreachEntry(
    YearMonth Month, string Kind, string Site, string Owner, string Country, double ClusterH100e, double PermittedH100e, double ExcessH100e,
    string LimitBasis, double LinkedClusterH100e, double EndClusterH100e, double EndExcessH100e, string EndLimitBasis, IReadOnlyList<string> Sites,
    bool FirstForOwner, bool DetectedByThen, IEnumerable<AcquisitionEntry> Acquisitions)
{
    public static BreachEntry Of(ClusterBreach breach) => new(
        breach.Month, breach.Kind, breach.Site, breach.Owner, breach.Country, ResultFiles.H100e(breach.Cluster), ResultFiles.H100e(breach.Permitted),
        ResultFiles.H100e(breach.Excess), breach.LimitBasis, ResultFiles.H100e(breach.LinkedCluster), ResultFiles.H100e(breach.EndCluster),
        ResultFiles.H100e(breach.EndExcess), breach.EndLimitBasis, breach.Sites, breach.FirstForOwner, breach.DetectedByThen,
        breach.Acquisitions.Select(AcquisitionEntry.Of));
}
