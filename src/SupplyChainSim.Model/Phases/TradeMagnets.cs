using SupplyChainSim.Model.RareEarths;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Phases;

/// <summary>Rare-earth leverage: the magnet exporter trades the month (supply, shortage, concessions offered and made).</summary>
public sealed record TradeMagnets(YearMonth Month) : IOperation<RareEarthMarket, RareEarthMonth>
{
    public RareEarthMonth ApplyTo(RareEarthMarket market, SimulationContext context) => market.TradeMagnets(context.RareEarths, Month);
}
