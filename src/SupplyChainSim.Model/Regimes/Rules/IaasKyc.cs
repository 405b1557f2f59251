using SupplyChainSim.Model.Scenarios;

namespace SupplyChainSim.Model.Regimes.Rules;

/// <summary>
/// A know-your-customer rule on infrastructure-as-a-service: US cloud providers must know who rents their compute, and
/// refuse customers headquartered in the named destinations (proposed by Commerce in January 2024, not finalised). It
/// decides no export: a lab headquartered there finds renting abroad closed to it, unless it gets past the check, drawn
/// once for its owner and this rule with probability one less <see cref="Refusal"/> (a modelling choice: the rule sets
/// no figure for evasion through fronts).
/// </summary>
[Rule("iaas-kyc")]
public sealed record IaasKyc : RegimeRule
{
    /// <summary>Where the refused customers are headquartered: ISO codes or Country Groups ("D:5").</summary>
    public required IReadOnlyList<string> Destinations { get; init; }

    /// <summary>The share of such customers the check refuses.</summary>
    [ValueRange(0, 1, Is = "a probability")]
    public double Refusal { get; init; } = 1;

    /// <summary>Whether the rule refuses <paramref name="owner"/>, headquartered in <paramref name="headquarters"/>, the rental of compute.</summary>
    public bool Refuses(string owner, Countries.CountrySpec headquarters, Randomness.RandomStreams streams) =>
        CountryGroups.Matches(Destinations, headquarters) && streams.Uniform(owner, 0, $"kyc:{Reason}") < Refusal;

    public override void Check(RuleChecks checks) => checks.Destinations("destinations", Destinations);
}
