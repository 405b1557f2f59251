
namespace SupplyChainSim.Cli.Live;

/// <summary>One breach kind so far: its breaches, and the largest excess of any cluster at the end of the month reached.</summary>
public sealed record LiveKind(string Kind, int Breaches, double LargestExcessH100e, string? LargestAt);
