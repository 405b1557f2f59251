namespace SupplyChainSim.Output.Json;

/// <summary>The share of replications with a breach, with its 95% interval and the method that gave it.</summary>
internal sealed record ProbabilityInterval(double Estimate, double Lower95, double Upper95, string Interval);
