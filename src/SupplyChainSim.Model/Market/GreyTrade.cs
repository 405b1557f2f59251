namespace SupplyChainSim.Model.Market;

/// <summary>
/// A month's trade on the grey market, by generation, in H100e: what labs asked for at the month's prices, and what the
/// networks delivered into the market's countries. The next month's prices move with it.
/// </summary>
public sealed record GreyTrade(IReadOnlyDictionary<string, double> Demand, IReadOnlyDictionary<string, double> Supply)
{
    public static readonly GreyTrade None = new(new Dictionary<string, double>(), new Dictionary<string, double>());
}
