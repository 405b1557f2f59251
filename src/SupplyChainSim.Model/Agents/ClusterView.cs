
namespace SupplyChainSim.Model.Agents;

/// <param name="ExcessH100e">By breach kind, what the cluster holds beyond the rules at its last assessment.</param>
public sealed record ClusterView(string Cluster, string Owner, IReadOnlyList<string> Sites, double LinkedH100e, bool InBreach,
    IReadOnlyDictionary<string, double> ExcessH100e, bool Circumvented);
