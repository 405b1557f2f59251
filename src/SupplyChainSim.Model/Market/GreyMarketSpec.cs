using SupplyChainSim.Model.Scenarios;

namespace SupplyChainSim.Model.Market;

/// <summary>
/// The grey market for controlled chips in the restricted destinations (China with Hong Kong and Macau): a price per chip
/// generation, the economics that decide what the smuggling networks buy, and how the labs there choose among their
/// sources. Absent from a scenario: networks order a fixed lot every round, and buyers order the chip they name.
/// Every figure below that no source gives is a modelling choice with the range it may be explored over
/// (docs/MODEL.md, section 3.7).
/// </summary>
public sealed record GreyMarketSpec
{
    /// <summary>Where the grey market's buyers are: their labs choose among sources, and networks supplying them trade on it.</summary>
    public IReadOnlyList<string> Countries { get; init; } = ["CN", "HK", "MO"];

    /// <summary>The chip generations traded, each with a price of its own (servers of Hoppers, racks of Blackwells).</summary>
    public IReadOnlyList<string> Generations { get; init; } = ["Hopper", "Blackwell"];

    /// <summary>The grey price over the list price when the world starts (H100 servers about 50% over list in 2024).</summary>
    [ValueRange(0, 10, Is = "a fraction")]
    public double StartPremium { get; init; } = 0.5;

    /// <summary>The lowest premium the price falls to: below list, networks would not buy at all.</summary>
    [ValueRange(-1, 10, Is = "a fraction")]
    public double MinPremium { get; init; }

    /// <summary>The highest premium the price rises to, whatever the shortage.</summary>
    [ValueRange(0, 100, Is = "a fraction")]
    public double MaxPremium { get; init; } = 3;

    /// <summary>
    /// How fast the price moves: each month it is multiplied by (demand / supply) to this power. 0 holds it at the start
    /// premium; 1 clears a month's gap at once.
    /// </summary>
    [ValueRange(0, 1)]
    public double PriceAdjustment { get; init; } = 0.3;

    /// <summary>
    /// The most the grey price moves in a month, as a fraction: a month in which lots in transit all arrived, or none
    /// did, moves it by this much, not to a bound (dealers quote a market, not one month's deliveries).
    /// </summary>
    [ValueRange(0, 10, Is = "a fraction")]
    public double MaxMonthlyChange { get; init; } = 0.15;

    public NetworkEconomicsSpec Networks { get; init; } = new();

    public BuyerChoiceSpec Buyers { get; init; } = new();
}
