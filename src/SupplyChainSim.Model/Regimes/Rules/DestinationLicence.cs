namespace SupplyChainSim.Model.Regimes.Rules;

/// <summary>
/// A licence for every 3A090 chip to named destinations, decided one way: the licences Country Groups D:1 and D:4 need
/// since October 2023 (Vietnam, Saudi Arabia, the UAE and the rest), which deals then open or stall. D:5 destinations
/// are the baseline's (denied), so this rule leaves them alone; 3A090.b chips go under a notification instead (NAC).
/// </summary>
[Rule("destination-licence")]
public sealed record DestinationLicence : RegimeRule
{
    /// <summary>ISO codes or Country Groups ("D:1", "D:4").</summary>
    public required IReadOnlyList<string> Destinations { get; init; }

    /// <summary>A presumption of denial, or licences granted.</summary>
    public LicencePolicy Policy { get; init; } = LicencePolicy.Deny;

    public override LicenceDecision? Decide(LicenceRequest request) =>
        request.ExportClass == Chips.ExportClass.Eccn3A090a && !request.ToD5 && CountryGroups.Matches(Destinations, request.Destination)
            ? request.Decide(Id, Policy == LicencePolicy.Approve ? LicenceOutcome.Approved : LicenceOutcome.Denied,
                $"licence {(Policy == LicencePolicy.Approve ? "granted" : "denied")} for {request.Destination.Code}")
            : null;

    public override void Check(RuleChecks checks) => checks.Destinations("destinations", Destinations);
}
