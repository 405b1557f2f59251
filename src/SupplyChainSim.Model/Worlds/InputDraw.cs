
namespace SupplyChainSim.Model.Worlds;

/// <summary>An uncertain input's value in one run.</summary>
public sealed record InputDraw(string Path, double Value);
