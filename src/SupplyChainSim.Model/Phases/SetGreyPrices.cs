using SupplyChainSim.Model.Market;
using SupplyChainSim.Model.Simulation;

namespace SupplyChainSim.Model.Phases;

/// <summary>The grey market: prices move with last month's trade, and the networks that form this month are named.</summary>
public sealed record SetGreyPrices(MonthContext Month, GreyTrade LastMonth) : IOperation<GreyMarket, GreyMonth>
{
    public GreyMonth ApplyTo(GreyMarket market, SimulationContext context) => market.SetPrices(Month, LastMonth, context);
}
