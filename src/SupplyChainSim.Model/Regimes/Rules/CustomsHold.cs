using SupplyChainSim.Model.Scenarios;

namespace SupplyChainSim.Model.Regimes.Rules;

/// <summary>
/// A destination government's customs hold named chips on arrival: Chinese customs held H200 shipments when Beijing paused
/// purchases in January 2026. It decides no licence: each lot of the chips arriving in the countries is held, and not
/// delivered, with probability <see cref="Share"/> (a modelling choice: how many were held is not published), and its
/// buyer is told as of a refusal. A lab weighing the chip counts on losing that share.
/// </summary>
[Rule("customs-hold")]
public sealed record CustomsHold : RegimeRule
{
    /// <summary>The countries whose customs hold the chips: ISO codes or Country Groups.</summary>
    public required IReadOnlyList<string> Countries { get; init; }

    public required IReadOnlyList<string> ChipModels { get; init; }

    [ValueRange(0, 1, Is = "a probability")]
    public double Share { get; init; } = 1;

    /// <summary>The chance a lot of <paramref name="chipModel"/> arriving in <paramref name="destination"/> is held: 0 where the rule does not reach.</summary>
    public double HoldChance(string chipModel, Countries.CountrySpec destination) =>
        ChipModels.Contains(chipModel) && CountryGroups.Matches(Countries, destination) ? Share : 0;

    public override void Check(RuleChecks checks)
    {
        checks.Destinations("countries", Countries);
        checks.Chips("chipModels", ChipModels);
    }
}
