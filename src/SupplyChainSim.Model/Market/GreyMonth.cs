using SupplyChainSim.Model.Chips;

namespace SupplyChainSim.Model.Market;

/// <summary>The grey market as networks and labs see it in a month: what each generation fetches, and the networks that form.</summary>
public sealed record GreyMonth(IReadOnlyList<GreyOffer> Offers, IReadOnlyList<NetworkEntry> Entrants)
{
    /// <summary>No grey market: nothing on offer, nobody forming.</summary>
    public static readonly GreyMonth None = new([], []);

    /// <summary>The offer for <paramref name="generation"/>, if it is traded this month.</summary>
    public GreyOffer? For(string? generation) => Offers.FirstOrDefault(o => o.Generation == generation);

    /// <summary>What the grey market pays per H100e of <paramref name="chip"/>: its generation's price, or the chip's list price if the generation is not traded.</summary>
    public double UsdPerH100e(ChipSpec chip) =>
        For(chip.Generation)?.UsdPerH100e ?? (chip.UnitPriceUsd ?? 0) / chip.TppPerChip.H100e;
}
