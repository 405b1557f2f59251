namespace SupplyChainSim.Model.Agents;

/// <summary>What one breach kind counts in a cluster and what the rules permit of it (<see cref="LimitBasis"/>: the rule and figure).</summary>
public sealed record BreachKindView(string Kind, double CountedH100e, double PermittedH100e, double ExcessH100e, string LimitBasis);
