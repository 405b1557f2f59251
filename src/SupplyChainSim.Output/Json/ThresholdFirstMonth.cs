using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Output.Json;

/// <summary>A concern threshold and the first month some cluster's excess reached it (null: never).</summary>
internal sealed record ThresholdFirstMonth(double ThresholdH100e, YearMonth? FirstMonth);
