namespace SupplyChainSim.Model.Market;

/// <summary>
/// A generation's grey price is its list price per H100e times one plus its premium. Each month the premium moves with
/// the month before's demand against supply: one plus it is multiplied by (demand / supply) to the power
/// <see cref="GreyMarketSpec.PriceAdjustment"/>, by at most <see cref="GreyMarketSpec.MaxMonthlyChange"/> either way,
/// within the spec's bounds. Holding the premium, not the price, lets the
/// list price move under it (a cheaper chip of the generation ships) without a jump in what buyers pay over list.
/// </summary>
public static class GreyPrice
{
    /// <summary>
    /// The premium after a month in which buyers asked for <paramref name="demand"/> H100e and networks delivered
    /// <paramref name="supply"/>. One H100e is added to each side, so that a month with nothing on one side is a ratio, not a
    /// division by zero.
    /// </summary>
    public static double NextPremium(double premium, double demand, double supply, GreyMarketSpec spec)
    {
        if (demand <= 0 && supply <= 0) return premium;
        var factor = Math.Pow((Math.Max(0, demand) + 1) / (Math.Max(0, supply) + 1), spec.PriceAdjustment);
        var moved = (1 + premium) * Math.Clamp(factor, 1 / (1 + spec.MaxMonthlyChange), 1 + spec.MaxMonthlyChange) - 1;
        return Math.Clamp(moved, spec.MinPremium, spec.MaxPremium);
    }

    /// <summary>USD per H100e at a premium over a list price per H100e.</summary>
    public static double UsdPerH100e(double listUsdPerH100e, double premium) => listUsdPerH100e * (1 + premium);
}
