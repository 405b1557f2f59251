namespace SupplyChainSim.Model.Agents;

/// <summary>
/// One data centre, as the grain that hosts it alone shows it: its chips by model and by acquisition (cut at
/// <see cref="AgentViews.MaxLines"/>, newest last), and its cluster against what the rules permit, kind by kind.
/// </summary>
public sealed record DataCentreView(
    string Id,
    string Owner,
    string Country,
    double InstalledH100e,
    IReadOnlyDictionary<string, long> Chips,
    ClusterStandingView Cluster,
    int Acquisitions,
    IReadOnlyList<AcquisitionLine> ChipsByAcquisition);
