using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.RareEarths;

/// <summary>A scripted event: "exporter-policy" (policy, approvalRate) or "concession" (chipModels, revenueShare, quota).</summary>
public sealed record RareEarthEventSpec
{
    public required YearMonth Month { get; init; }

    public required string Type { get; init; }

    public string? Policy { get; init; }

    [ValueRange(0, 1, Is = "a fraction")]
    public double ApprovalRate { get; init; } = 1;

    public IReadOnlyList<string> ChipModels { get; init; } = [];

    [ValueRange(0, 1, Is = "a fraction")]
    public double RevenueShare { get; init; }

    [ValueRange(0, ScenarioLimits.H100e)]
    public double QuotaH100ePerMonth { get; init; }

    public string? Importer { get; init; }
}
