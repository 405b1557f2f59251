using SupplyChainSim.Runs;

namespace SupplyChainSim.Cli.Live;

/// <param name="ClusterH100e">What the breach kind counts: the unlawful chips alone, the exempt chips, or the linked cluster.</param>
public sealed record LiveBreach(string Month, string Kind, string Site, string Owner, string Country, double ClusterH100e, double PermittedH100e,
    double ExcessH100e, string LimitBasis, IReadOnlyList<string> Sites, string MainRoute, bool DetectedByThen, IReadOnlyList<LiveAcquisition> Trail)
{
    /// <summary>The grain that holds the breached cluster (the site alone, its owner's linked sites, or their pool).</summary>
    public GrainLink? Grain { get; init; }

    /// <summary>The intermediary of the main route, if the route has one, and its grain.</summary>
    public string? MainVia { get; init; }

    public GrainLink? MainViaGrain { get; init; }
}
