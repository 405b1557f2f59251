using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Agents;

/// <summary>The largest excess of one kind, and the cluster (its key) that has it.</summary>
public sealed record KindPeak(string Kind, Tpp Excess, string ClusterKey);
