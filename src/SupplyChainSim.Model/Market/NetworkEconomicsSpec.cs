using SupplyChainSim.Model.Scenarios;

namespace SupplyChainSim.Model.Market;

/// <summary>
/// What a smuggling network weighs before it buys: the grey price, less the purchase and transport cost, less what it
/// expects to lose (the chance of detection at each hop times the lot, and the cost of a shell listed), within its
/// capacity and working capital; and when networks form and leave.
/// </summary>
public sealed record NetworkEconomicsSpec
{
    /// <summary>Freight, relabelling, bribes and the hub warehouse, as a share of the purchase price.</summary>
    [ValueRange(0, 10, Is = "a fraction")]
    public double TransportCost { get; init; } = 0.05;

    /// <summary>What a shell on the Entity List costs its network: a new company, new papers, deposits lost (USD).</summary>
    [ValueRange(0, ScenarioLimits.UnitPriceUsd)]
    public double ListingCostUsd { get; init; } = 500_000;

    /// <summary>
    /// The expected margin (on cost) at which a network buys all it can; below it, it buys in proportion, and at or below
    /// nothing it buys nothing (intermediaries' margin above 10% after costs in 2024).
    /// </summary>
    [ValueRange(0, 10, AboveMinimum = true, Is = "a fraction")]
    public double TargetMargin { get; init; } = 0.3;

    /// <summary>How much a seizure adds to a network's sense of the risk: 1 doubles it.</summary>
    [ValueRange(0, 100)]
    public double CautionAfterSeizure { get; init; } = 1;

    /// <summary>Months in which the added caution halves.</summary>
    [ValueRange(1, ScenarioLimits.LeadMonths)]
    public double CautionHalfLifeMonths { get; init; } = 6;

    /// <summary>The expected margin a new network needs before it forms: its entry cost, spread over its first lots.</summary>
    [ValueRange(0, 10, AboveMinimum = true, Is = "a fraction")]
    public double EntryMargin { get; init; } = 0.3;

    /// <summary>Months from the decision to form a network to its first order.</summary>
    [ValueRange(0, ScenarioLimits.LeadMonths)]
    public int EntryLagMonths { get; init; } = 3;

    /// <summary>The most networks that form in a month.</summary>
    [ValueRange(0, ScenarioLimits.Intermediaries)]
    public int MaxEntrantsPerMonth { get; init; } = 2;

    /// <summary>Months in a row without a margin after which a network leaves the trade for good.</summary>
    [ValueRange(1, ScenarioLimits.LeadMonths)]
    public int ExitAfterMonths { get; init; } = 6;

    /// <summary>
    /// How sharply a network favours the generation with the best margin: it picks among the chips it could buy with
    /// weights e^(sensitivity x margin). Networks that all switched to the best chip at once would swing the prices
    /// month by month; a spread of choices is what traders who read the market differently make.
    /// </summary>
    [ValueRange(0, 1000)]
    public double ChoiceSensitivity { get; init; } = 10;
}
