namespace SupplyChainSim.Output.Json;

/// <summary>The median and 95th percentile of an H100e figure over replications.</summary>
internal sealed record H100eUpperPercentiles(double Median, double P95);
