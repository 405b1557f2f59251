using SupplyChainSim.Reports;

namespace SupplyChainSim.Cli.Live;

/// <summary>
/// What the live page shows, as one snapshot: the run, the month reached, flows this month and so far, installed
/// compute by country, magnet shortage, and every breach with the acquisitions that built it. H100e throughout.
/// <see cref="LargestClusterSite"/> is null until some cluster holds chips; <see cref="Results"/> is the output
/// folder relative to the working directory (only its name when it lies outside), never an absolute path.
/// </summary>
public sealed record LiveState(
    int Version,
    string Status,
    LiveRunInfo Run,
    string? Month,
    int MonthsDone,
    LiveFlows ThisMonth,
    LiveFlows SoFar,
    double LargestClusterH100e,
    string? LargestClusterSite,
    IReadOnlyList<LiveCountry> Countries,
    IReadOnlyList<LiveMagnets> Magnets,
    IReadOnlyList<LiveMonth> History,
    IReadOnlyList<LiveBreach> Breaches,
    string? Results,
    bool Paused)
{
    /// <summary>By breach kind: how many clusters went beyond the rules so far, and the largest excess now.</summary>
    public IReadOnlyList<LiveKind> Kinds { get; init; } = [];

    /// <summary>Where the compute went so far, as report.html's flow picture has it: chipmaker, route, destination (H100e).</summary>
    public FlowGraph Channels { get; init; } = FlowGraph.Empty;
}
