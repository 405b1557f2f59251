using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Regimes.Rules;

/// <summary>
/// A bilateral deal: licences to one country within a yearly quota (the Saudi and UAE deals of May 2025). Beyond the
/// quota, or for an owner headquartered in D:5 or Macau, the next rule decides.
/// </summary>
[Rule("bilateral-quota")]
public sealed record BilateralQuota : RegimeRule
{
    public required string Country { get; init; }

    [ValueRange(0, ScenarioLimits.H100e, AboveMinimum = true)]
    public required double QuotaH100ePerYear { get; init; }

    public override LicenceDecision? Decide(LicenceRequest request)
    {
        if (!request.Controlled || request.ToD5 || request.Destination.Code != Country) return null;
        return request.Ledger.TryUse(ComputeAccount.Quota(Reason, request.Month.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                request.Compute, Tpp.FromH100e(QuotaH100ePerYear))
            ? request.Decide(Id, LicenceOutcome.Approved, $"within the {Country} quota")
            : null;
    }

    public override void Check(RuleChecks checks)
    {
        checks.CountryCodes("country", [Country]);
        if (QuotaH100ePerYear > 10_000_000)
            checks.Warning("quotaH100ePerYear", $"{QuotaH100ePerYear:N0} H100e a year is more than the world makes: is this TPP rather than H100e?");
    }
}
