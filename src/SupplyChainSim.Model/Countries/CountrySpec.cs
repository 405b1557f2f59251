using System.Text.Json.Serialization;
using SupplyChainSim.Model.Agents;
using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Model.Simulation;

namespace SupplyChainSim.Model.Countries;

/// <summary>A country as the model sees it: its export-control tier, transit-hub status and enforcement strength.</summary>
public sealed record CountrySpec : IAgentPlan<CountryAgent>
{
    /// <summary>ISO 3166-1 alpha-2 code.</summary>
    public required string Code { get; init; }

    public string Name { get; init; } = "";

    /// <summary>AI Diffusion Rule tier: 1 unrestricted, 2 capped, 3 embargoed (Country Group D:5 plus Macau).</summary>
    [ValueRange(1, 3)]
    public int Tier { get; init; } = 2;

    public bool TransitHub { get; init; }

    /// <summary>Strength of customs and export enforcement in [0,1]; a model assumption used as a detection weight.</summary>
    [ValueRange(0, 1, Is = "a fraction")]
    public double CustomsEnforcement { get; init; } = 0.5;

    /// <summary>
    /// EAR Country Groups the country is in, of those the chip rules name: "D:1" (national security), "D:4" (missile
    /// technology), "D:5" (US arms embargoed; Macau and Hong Kong are counted here with China).
    /// </summary>
    public IReadOnlyList<string> Groups { get; init; } = [];

    /// <summary>Country Group D:5 plus Macau: the destinations the 2022/2023 controls presume to deny. Tier 3 of the
    /// Diffusion Rule is the same set, so a tier of 3 counts as D:5 too.</summary>
    [JsonIgnore]
    public bool IsD5 => Tier == 3 || Groups.Contains(Regimes.CountryGroups.D5);

    public bool InGroup(string group) => group == Regimes.CountryGroups.D5 ? IsD5 : Groups.Contains(group);

    CountryAgent IAgentPlan<CountryAgent>.Create(SimulationContext context) => new() { Spec = this };
}
