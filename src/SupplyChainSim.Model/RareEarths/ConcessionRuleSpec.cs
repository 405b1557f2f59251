using SupplyChainSim.Model.Scenarios;

namespace SupplyChainSim.Model.RareEarths;

/// <summary>The importer offers chip licences to the exporter's buyers after N months over a threshold.</summary>
public sealed record ConcessionRuleSpec
{
    public bool Enabled { get; init; } = true;

    public required string Importer { get; init; }

    /// <summary>"shortage" or "pressure".</summary>
    public string Trigger { get; init; } = "shortage";

    [ValueRange(0, ScenarioLimits.Months)]
    public required double Threshold { get; init; }

    [ValueRange(1, ScenarioLimits.Months)]
    public int ForMonths { get; init; } = 1;

    public required IReadOnlyList<string> ChipModels { get; init; }

    [ValueRange(0, 1, Is = "a fraction")]
    public double RevenueShare { get; init; }

    [ValueRange(0, ScenarioLimits.H100e)]
    public required double QuotaH100ePerMonth { get; init; }
}
