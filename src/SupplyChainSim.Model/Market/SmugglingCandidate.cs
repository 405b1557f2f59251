namespace SupplyChainSim.Model.Market;

/// <summary>A chip a network could buy this month, as it sees it: its list price, its compute, how it is sold, and what the grey market pays.</summary>
/// <param name="ChipsPerUnit">Chips in the unit it is sold as: 8 in an HGX server, 72 in an NVL72 rack; 1 for loose chips.</param>
/// <param name="GreyUsdPerH100e">The grey price of the chip's generation, per H100e.</param>
public sealed record SmugglingCandidate(string ChipModel, string Generation, double UnitPriceUsd, double H100ePerChip, int ChipsPerUnit, double GreyUsdPerH100e);
