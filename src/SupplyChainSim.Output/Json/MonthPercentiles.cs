using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Output.Json;

/// <summary>The 5th percentile, median and 95th percentile of a month over replications (null where none had one).</summary>
internal sealed record MonthPercentiles(YearMonth? P5, YearMonth? Median, YearMonth? P95);
