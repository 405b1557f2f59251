using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Market;

/// <summary>Compute a lab rents abroad, and the last month of its term.</summary>
public sealed record Rental(double H100e, YearMonth Until);
