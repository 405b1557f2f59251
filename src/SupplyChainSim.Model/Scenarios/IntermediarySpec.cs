
namespace SupplyChainSim.Model.Scenarios;

/// <summary>
/// A smuggling intermediary: registered in a transit hub, it buys through its shell companies and forwards the lots
/// to a restricted buyer after a delay.
/// </summary>
public sealed record IntermediarySpec
{
    public required string Id { get; init; }

    /// <summary>The transit-hub country its shells are registered in.</summary>
    public required string Hub { get; init; }

    [ValueRange(1, ScenarioLimits.Shells)]
    public int Shells { get; init; } = 3;

    /// <summary>The data centre it diverts to.</summary>
    public required string Buyer { get; init; }

    public required string ChipModel { get; init; }

    [ValueRange(1, ScenarioLimits.ChipsPerOrder)]
    public required int ChipsPerOrder { get; init; }

    [ValueRange(1, ScenarioLimits.LeadMonths)]
    public int OrderEveryMonths { get; init; } = 1;

    /// <summary>Months a lot waits in the hub warehouse before it is forwarded.</summary>
    [ValueRange(0, ScenarioLimits.LeadMonths)]
    public int DelayMonths { get; init; } = 1;

    /// <summary>Price markup charged to the buyer, as a fraction.</summary>
    [ValueRange(0, 10, Is = "a fraction")]
    public double Markup { get; init; } = 0.3;

    [ValueRange(0, ScenarioLimits.Months)]
    public int FirstOrderMonth { get; init; }

    /// <summary>
    /// Each shell buys at most this fraction of the exemption allowance in force (per consignee per year) in a
    /// calendar year; a shell that would go over waits for the next. No limit when absent or without an allowance.
    /// </summary>
    [ValueRange(0, 1, AboveMinimum = true, Is = "a fraction")]
    public double? SplitFraction { get; init; }

    /// <summary>Countries the lots pass through after the hub, each a month and a customs check.</summary>
    public IReadOnlyList<string> Transit { get; init; } = [];

    /// <summary>
    /// What it can pay for lots on their way (USD): on a grey market, what it has in lots bought and not yet sold bounds
    /// what it buys next; sales bring it back with the margin, seizures lose it.
    /// </summary>
    [ValueRange(0, 1e12)]
    public double WorkingCapitalUsd { get; init; } = 50_000_000;

    /// <summary>A network that may form on a grey market when margins call for it (the market decides when); it orders nothing before.</summary>
    public bool Potential { get; init; }
}
