
namespace SupplyChainSim.Model.Agents;

public sealed record MagnetView(double StockTonnes, double StockMonths, double SupplyIndex, double Shortage, double Pressure);
