namespace SupplyChainSim.Model.Market;

/// <summary>
/// What the grey market pays this month for one generation, with the chip a network buys it as: the generation's
/// cheapest chip on sale per H100e, its list price, how it is sold, and the premium over list.
/// </summary>
/// <param name="ChipsPerUnit">Chips in the unit it is sold as: 8 in an HGX server, 72 in an NVL72 rack; 1 for loose chips.</param>
/// <param name="Premium">The grey price over the list price, as a fraction.</param>
public sealed record GreyOffer(string Generation, string ChipModel, double UnitPriceUsd, double H100ePerChip, int ChipsPerUnit, double Premium)
{
    public double ListUsdPerH100e => UnitPriceUsd / H100ePerChip;

    /// <summary>The grey price per H100e.</summary>
    public double UsdPerH100e => GreyPrice.UsdPerH100e(ListUsdPerH100e, Premium);
}
