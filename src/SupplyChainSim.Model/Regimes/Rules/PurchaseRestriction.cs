using SupplyChainSim.Model.Scenarios;

namespace SupplyChainSim.Model.Regimes.Rules;

/// <summary>
/// The buyer's own government keeps its buyers off named chips: it forbids the purchase, or discourages it. Beijing
/// told its firms to avoid the H20 once US licences came in August 2025; in January 2026 it asked firms to pause H200
/// orders. Guidance is a standing state, not a draw per order: under "discourage" each buyer (its owner) complies or not,
/// drawn once for the rule, with the compliance of its buyer class (state-linked labs, private ones). A buyer that
/// complies orders none of the chips while the rule is in force; its demand goes to what else it can get.
/// </summary>
[Rule("purchase-restriction")]
public sealed record PurchaseRestriction : RegimeRule
{
    /// <summary>The buyers' countries: ISO codes or Country Groups.</summary>
    public required IReadOnlyList<string> Countries { get; init; }

    public required IReadOnlyList<string> ChipModels { get; init; }

    /// <summary>Forbid, or discourage (each purchase is given up with probability <see cref="Compliance"/>).</summary>
    public PurchasePolicy Policy { get; init; } = PurchasePolicy.Forbid;

    /// <summary>Under "discourage": the share of buyers that comply, for a buyer class not in <see cref="ComplianceByClass"/>.</summary>
    [ValueRange(0, 1, Is = "a probability")]
    public double Compliance { get; init; } = 1;

    /// <summary>Under "discourage": the share of buyers of each class ("state-linked", "private") that comply.</summary>
    [ValueRange(0, 1, Is = "a probability")]
    public IReadOnlyDictionary<string, double> ComplianceByClass { get; init; } = new Dictionary<string, double>();

    public override LicenceDecision? Decide(LicenceRequest request)
    {
        var order = request.Order;
        if (!Keeps(order.Owner, order.BuyerClass, order.ChipModel, request.Destination, request.Streams)) return null;
        return request.Decide(Id, LicenceOutcome.Denied,
            $"{request.Destination.Code} {(Policy == PurchasePolicy.Forbid ? "forbids" : "discourages")} purchases of {order.ChipModel}; not ordered");
    }

    /// <summary>
    /// Whether the rule keeps <paramref name="owner"/>'s buyers off <paramref name="chipModel"/> in
    /// <paramref name="destination"/>: always when forbidden; when discouraged, if the owner complies, drawn once for the
    /// owner and this rule (the same answer every month); without streams (rule tests), every buyer complies.
    /// </summary>
    public bool Keeps(string owner, string? buyerClass, string chipModel, Countries.CountrySpec destination, Randomness.RandomStreams? streams)
    {
        if (!ChipModels.Contains(chipModel) || !CountryGroups.Matches(Countries, destination)) return false;
        if (Policy == PurchasePolicy.Forbid) return true;
        var compliance = buyerClass is not null && ComplianceByClass.TryGetValue(buyerClass, out var share) ? share : Compliance;
        return streams is null || streams.Uniform(owner, 0, $"complies:{Reason}") < compliance;
    }

    public override void Check(RuleChecks checks)
    {
        checks.Destinations("countries", Countries);
        checks.Chips("chipModels", ChipModels);
    }
}
