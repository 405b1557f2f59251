using SupplyChainSim.Model.Scenarios;

namespace SupplyChainSim.Model.Regimes.Rules;

/// <summary>
/// The buyer's own government keeps its buyers off named chips: it forbids the purchase, or discourages it so that a
/// buyer complies with some probability. Beijing told its firms to avoid the H20 once US licences came in August 2025;
/// in January 2026 it asked firms to pause H200 orders. A restricted purchase is never ordered, whatever the exporter's
/// rules would say.
/// </summary>
[Rule("purchase-restriction")]
public sealed record PurchaseRestriction : RegimeRule
{
    /// <summary>The buyers' countries: ISO codes or Country Groups.</summary>
    public required IReadOnlyList<string> Countries { get; init; }

    public required IReadOnlyList<string> ChipModels { get; init; }

    /// <summary>Forbid, or discourage (each purchase is given up with probability <see cref="Compliance"/>).</summary>
    public PurchasePolicy Policy { get; init; } = PurchasePolicy.Forbid;

    [ValueRange(0, 1, Is = "a probability")]
    public double Compliance { get; init; } = 1;

    public override LicenceDecision? Decide(LicenceRequest request)
    {
        if (!ChipModels.Contains(request.Order.ChipModel) || !CountryGroups.Matches(Countries, request.Destination)) return null;
        if (Policy == PurchasePolicy.Discourage && request.Draw("purchase-restriction") >= Compliance) return null;
        return request.Decide(Id, LicenceOutcome.Denied,
            $"{request.Destination.Code} {(Policy == PurchasePolicy.Forbid ? "forbids" : "discourages")} purchases of {request.Order.ChipModel}; not ordered");
    }

    public override void Check(RuleChecks checks)
    {
        checks.Destinations("countries", Countries);
        checks.Chips("chipModels", ChipModels);
    }
}
