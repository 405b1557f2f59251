namespace SupplyChainSim.Model.Regimes.Rules;

/// <summary>
/// The Entity List (15 CFR Part 744, Supplement 4): an order naming a listed consignee is refused outright, whatever the
/// other rules say. In the model, enforcement lists every shell company caught with a diverted lot, from the month after;
/// the request carries the consignees listed as of the month. Always in force (<see cref="DecisionOrder.Standing"/>): no
/// scenario names it.
/// </summary>
[Rule("entity-list")]
public sealed record EntityListDenial : RegimeRule
{
    public override LicenceDecision? Decide(LicenceRequest request) =>
        request.EntityListed.Contains(request.Order.Consignee) ? request.Decide(Id, LicenceOutcome.Denied, "consignee on the Entity List") : null;
}
