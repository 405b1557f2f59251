
namespace SupplyChainSim.Runs;

/// <summary>A grain as the Orleans Dashboard's grain-state view asks for it: the grain class's full name and the grain's id.</summary>
public sealed record GrainLink(string Type, string Id);
