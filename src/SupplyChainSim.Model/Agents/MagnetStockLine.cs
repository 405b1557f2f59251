namespace SupplyChainSim.Model.Agents;

public sealed record MagnetStockLine(string Country, double StockTonnes, double Pressure);
