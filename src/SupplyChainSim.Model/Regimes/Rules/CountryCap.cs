using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Regimes.Rules;

/// <summary>
/// The Diffusion Rule's Tier 2 country cap: cumulative TPP licensed to a country over a period (790 million TPP =
/// 49,901 H100e for 2025-2027), multiplied for countries with a government-to-government technology-security agreement.
/// </summary>
[Rule("country-cap")]
public sealed record CountryCap : RegimeRule
{
    [ValueRange(0, ScenarioLimits.Tpp, AboveMinimum = true)]
    public double CapTpp { get; init; } = 790_000_000;

    public required YearMonth PeriodFrom { get; init; }

    public required YearMonth PeriodUntil { get; init; }

    [ValueRange(1, 3)]
    public IReadOnlyList<int> Tiers { get; init; } = [2];

    public IReadOnlyList<string> AgreementCountries { get; init; } = [];

    [ValueRange(0, 100, AboveMinimum = true)]
    public double AgreementMultiplier { get; init; } = 2;

    public Tpp Cap(string country) => Tpp.FromTpp(CapTpp * (AgreementCountries.Contains(country) ? AgreementMultiplier : 1));

    public override LicenceDecision? Decide(LicenceRequest request)
    {
        if (!request.Controlled || !Tiers.Contains(request.Destination.Tier) || request.Month < PeriodFrom || request.Month > PeriodUntil) return null;
        return request.Ledger.TryUse(ComputeAccount.CountryCap(PeriodFrom, PeriodUntil), request.Compute, Cap(request.Destination.Code))
            ? request.Decide(Id, LicenceOutcome.Approved, "within the country cap")
            : request.Decide(Id, LicenceOutcome.Denied, "country cap exhausted");
    }

    public override void Check(RuleChecks checks)
    {
        if (PeriodUntil < PeriodFrom) checks.Error("periodUntil", $"expected a month on or after periodFrom ({PeriodFrom})");
        checks.CountryCodes("agreementCountries", AgreementCountries);
        if (CapTpp < 1_000 * Tpp.H100 || CapTpp > 100_000_000 * Tpp.H100)
            checks.Warning("capTpp", $"{CapTpp:N0} TPP is {CapTpp / Tpp.H100:N0} H100e; the Tier 2 cap is 790,000,000 TPP (49,901 H100e): is this in the right unit (TPP, not H100e)?");
    }
}
