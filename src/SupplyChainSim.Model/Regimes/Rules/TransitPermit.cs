using SupplyChainSim.Model.Scenarios;

namespace SupplyChainSim.Model.Regimes.Rules;

/// <summary>
/// A transit country's own permit for re-exports and transshipments of US-origin AI chips: Malaysia's Strategic Trade
/// Permit from 2025-07-14. It controls chips leaving the country, not chips arriving: it decides no licence, but every
/// diverted lot that leaves a warehouse in the country, or passes through it, faces the permit check and is caught
/// with <see cref="Detection"/> (a modelling choice: the enforcement rate is not published).
/// </summary>
[Rule("transit-permit")]
public sealed record TransitPermit : RegimeRule
{
    public required string Country { get; init; }

    [ValueRange(0, 1, Is = "a probability")]
    public double Detection { get; init; } = 0.2;

    public override void Check(RuleChecks checks) => checks.CountryCodes("country", [Country]);
}
