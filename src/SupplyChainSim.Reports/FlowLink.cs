
namespace SupplyChainSim.Reports;

/// <summary>Compute from one node to another, in H100e; <paramref name="Kind"/> is the route it went by (licensed, exempt, smuggled, seized, in-hub).</summary>
public sealed record FlowLink(string From, string To, double H100e, string Kind);
