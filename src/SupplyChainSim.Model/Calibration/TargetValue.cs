
namespace SupplyChainSim.Model.Calibration;

/// <summary>What one run measured for one target.</summary>
public sealed record TargetValue(string Id, double Value);
