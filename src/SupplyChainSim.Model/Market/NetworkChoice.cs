namespace SupplyChainSim.Model.Market;

/// <summary>A network's choice for the month: the chip, the margin it expects, and the chips it buys (0: deterred).</summary>
public sealed record NetworkChoice(GreyOffer Offer, double MarginRate, int Chips);
