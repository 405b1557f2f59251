using SupplyChainSim.Model.Chips;

namespace SupplyChainSim.Model.Regimes.Rules;

/// <summary>
/// The October 2022 and October 2023 controls: 3A090.a chips to Country Group D:5 and Macau (Hong Kong counted with
/// China), or to entities headquartered there, need a licence with a presumption of denial. 3A090.b chips to D:1, D:4
/// and D:5 go out under a notification (License Exception NAC), decided where nothing else decides. The licence
/// requirement for D:1 and D:4 is a rule of its own (destination-licence), so that deals can open it.
/// </summary>
[Rule("baseline-3A090")]
public sealed record Baseline3A090 : RegimeRule
{
    public override LicenceDecision? Decide(LicenceRequest request) =>
        request.ExportClass == ExportClass.Eccn3A090a && request.ToD5
            ? request.Decide(Id, LicenceOutcome.Denied, "presumption of denial for D:5 and Macau")
            : null;
}
