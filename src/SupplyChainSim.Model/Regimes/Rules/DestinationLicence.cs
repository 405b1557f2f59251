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

    /// <summary>"deny" (presumption of denial) or "approve".</summary>
    public string Policy { get; init; } = "deny";

    public override LicenceDecision? Decide(LicenceRequest request) =>
        request.ExportClass == Chips.ExportClass.Eccn3A090a && !request.ToD5 && CountryGroups.Matches(Destinations, request.Destination)
            ? request.Decide(Policy == "approve" ? LicenceOutcome.Approved : LicenceOutcome.Denied,
                $"{Reason}: licence {(Policy == "approve" ? "granted" : "denied")} for {request.Destination.Code}")
            : null;

    public override void Check(RuleChecks checks)
    {
        checks.Destinations("destinations", Destinations);
        checks.Policy(Policy);
    }
}
