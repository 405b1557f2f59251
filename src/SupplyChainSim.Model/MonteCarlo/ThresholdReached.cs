using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.MonteCarlo;

/// <summary>A concern threshold (H100e of excess) and the first month some cluster's excess reached it; null if none did.</summary>
public sealed record ThresholdReached(double ThresholdH100e, YearMonth? FirstMonth);
