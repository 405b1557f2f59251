namespace SupplyChainSim.Model.Agents;

/// <summary>
/// An owner's sites in one country that its network links into one cluster: the cluster against what the rules
/// permit, kind by kind, each site's chips, and how the chips were acquired (cut at <see cref="AgentViews.MaxLines"/>).
/// </summary>
public sealed record OwnerView(
    string Owner,
    string Country,
    ClusterStandingView Cluster,
    IReadOnlyList<SiteView> Sites,
    int Acquisitions,
    IReadOnlyList<AcquisitionLine> ChipsByAcquisition);
