
namespace SupplyChainSim.Model.Scenarios;

public sealed record IntermediaryGenerator
{
    [ValueRange(0, ScenarioLimits.Intermediaries)]
    public required int Count { get; init; }

    public string IdPrefix { get; init; } = "broker";

    [ValueRange(0, ScenarioLimits.Weight)]
    public required IReadOnlyDictionary<string, double> HubWeights { get; init; }

    /// <summary>Countries whose data centres the intermediaries divert to.</summary>
    public required IReadOnlyList<string> BuyerCountries { get; init; }

    /// <summary>Only data centres whose id starts with this are buyers (a generator's idPrefix: the labs that buy smuggled chips).</summary>
    public string? BuyerIdPrefix { get; init; }

    [ValueRange(0, ScenarioLimits.Weight)]
    public required IReadOnlyDictionary<string, double> ChipModels { get; init; }

    [ValueRange(1, ScenarioLimits.Shells)]
    public Distribution Shells { get; init; } = Distribution.Constant(3);

    [ValueRange(1, ScenarioLimits.ChipsPerOrder)]
    public required Distribution ChipsPerOrder { get; init; }

    [ValueRange(1, ScenarioLimits.LeadMonths)]
    public Distribution OrderEveryMonths { get; init; } = Distribution.Constant(1);

    [ValueRange(0, ScenarioLimits.LeadMonths)]
    public Distribution DelayMonths { get; init; } = Distribution.Constant(1);

    [ValueRange(0, 10, Is = "a fraction")]
    public Distribution Markup { get; init; } = Distribution.Constant(0.3);

    /// <summary>What each can pay for lots on their way (USD); see <see cref="IntermediarySpec.WorkingCapitalUsd"/>.</summary>
    [ValueRange(0, 1e12)]
    public Distribution WorkingCapitalUsd { get; init; } = Distribution.Constant(50_000_000);

    /// <summary>
    /// Networks that may form later, drawn like the others after them: on a grey market, the pool entry comes from when
    /// margins call for it. They order nothing until they form.
    /// </summary>
    [ValueRange(0, ScenarioLimits.Intermediaries)]
    public int PotentialEntrants { get; init; }
}
