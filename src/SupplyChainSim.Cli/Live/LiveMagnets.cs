
namespace SupplyChainSim.Cli.Live;

public sealed record LiveMagnets(string Country, double SupplyIndex, double Shortage, double StockMonths);
