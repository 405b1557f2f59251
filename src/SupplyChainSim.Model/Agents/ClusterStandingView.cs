namespace SupplyChainSim.Model.Agents;

/// <summary>A linked cluster now: its compute, whether it stood beyond the rules at its last assessment, and each breach kind's figures.</summary>
/// <param name="InBreach">Whether any kind stood beyond the rules when the cluster was last assessed.</param>
/// <param name="Kinds">Every breach kind that counts some of the cluster's compute: counted, permitted, the excess, and what set the limit.</param>
public sealed record ClusterStandingView(
    string Cluster,
    IReadOnlyList<string> Sites,
    double LinkedH100e,
    bool InBreach,
    bool Circumvented,
    IReadOnlyList<BreachKindView> Kinds);
