namespace SupplyChainSim.Model.Market;

/// <summary>
/// A network's choice for the month: the chip, the margin it expects, and the chips it buys (0: deterred), of the
/// <paramref name="FullLot"/> its capacity and capital allowed; the rest it left unbought for want of margin.
/// </summary>
public sealed record NetworkChoice(GreyOffer Offer, double MarginRate, int Chips, int FullLot)
{
    /// <summary>H100e the network could have bought and did not: the margin was below its target, or none.</summary>
    public double ForgoneH100e => (FullLot - Chips) * Offer.H100ePerChip;
}
