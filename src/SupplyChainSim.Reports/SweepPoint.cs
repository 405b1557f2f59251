
namespace SupplyChainSim.Reports;

/// <summary>One point of a sweep: a value of each parameter (an index into its values) and the outcome there.</summary>
public sealed record SweepPoint(RegimeOutcome Outcome, IReadOnlyList<int> Values);
