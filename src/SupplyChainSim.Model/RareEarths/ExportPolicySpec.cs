using System.Text.Json.Serialization;
using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.RareEarths;

/// <summary>"open", "licensed" (a share of licence applications approved) or "frozen".</summary>
public sealed record ExportPolicySpec
{
    public required YearMonth From { get; init; }

    public required string Policy { get; init; }

    [ValueRange(0, 1, Is = "a fraction")]
    public double ApprovalRate { get; init; } = 1;

    /// <summary>The share of normal supply the policy lets through; worked out, never read from a file.</summary>
    [JsonIgnore]
    public double SupplyFactor => Policy switch
    {
        "open" => 1,
        "licensed" => ApprovalRate,
        _ => 0,
    };
}
