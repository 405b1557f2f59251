
namespace SupplyChainSim.Reports;

/// <summary>A place compute passes through in the flow picture: a chipmaker (column 0), a route (1) or a destination (2).</summary>
/// <param name="Kind">What it is, for its colour: "seller", "licensed", "exempt", "smuggled" (a channel), "destination", "restricted" (an owner
/// smuggled chips reached), "smuggled-to" (a country smuggled chips reached, not restricted), "seized", "in-hub".</param>
public sealed record FlowNode(string Name, int Column, double H100e, string Kind);
