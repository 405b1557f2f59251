using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Regimes.Rules;

/// <summary>
/// A licence requirement on named chip models to named destinations, decided one way. The H20 (and MI308X) needed a
/// licence from 2025-04-09 to China with Hong Kong and Macau and the other D:5 countries, and to entities
/// headquartered there wherever they buy (NVIDIA's filing of April 2025); none was granted until licences were
/// reported around 2025-08-08.
/// </summary>
[Rule("model-licence")]
public sealed record ModelLicence : RegimeRule
{
    public required IReadOnlyList<string> ChipModels { get; init; }

    /// <summary>ISO codes or Country Groups ("D:5" is China with Hong Kong and Macau and the other D:5 countries).</summary>
    public required IReadOnlyList<string> Destinations { get; init; }

    /// <summary>Also entities headquartered in the destinations, wherever they buy.</summary>
    public bool HeadquarteredToo { get; init; }

    /// <summary>A presumption of denial, or licences granted.</summary>
    public LicencePolicy Policy { get; init; } = LicencePolicy.Deny;

    /// <summary>With "approve": at most this much a month (a concession's quantity cap); beyond it the next rule decides.</summary>
    [ValueRange(0, ScenarioLimits.H100e, AboveMinimum = true)]
    public double? QuotaH100ePerMonth { get; init; }

    public override LicenceDecision? Decide(LicenceRequest request)
    {
        if (!ChipModels.Contains(request.Order.ChipModel)) return null;
        if (!CountryGroups.Matches(Destinations, request.Destination) && !(HeadquarteredToo && CountryGroups.Matches(Destinations, request.OwnerHeadquarters)))
            return null;
        if (Policy == LicencePolicy.Approve && QuotaH100ePerMonth is { } quota
            && !request.Ledger.TryUse(ComputeAccount.Quota(Reason, request.Month.ToString()), request.Compute, Tpp.FromH100e(quota)))
            return null;
        return request.Decide(Id, Policy == LicencePolicy.Approve ? LicenceOutcome.Approved : LicenceOutcome.Denied,
            $"{request.Order.ChipModel} licence {(Policy == LicencePolicy.Approve ? "granted" : "denied")}");
    }

    public override void Check(RuleChecks checks)
    {
        checks.Chips("chipModels", ChipModels);
        checks.Destinations("destinations", Destinations);
    }
}
