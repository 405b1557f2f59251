namespace SupplyChainSim.Output.Json;

/// <summary>The 5th percentile, median and 95th percentile of an H100e figure over replications.</summary>
internal sealed record H100ePercentiles(double P5, double Median, double P95);
