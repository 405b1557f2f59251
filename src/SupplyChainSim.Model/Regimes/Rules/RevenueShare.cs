using SupplyChainSim.Model.Scenarios;

namespace SupplyChainSim.Model.Regimes.Rules;

/// <summary>A share of licensed sales paid to the US government (15% on H20 and MI308X sales to China from 2025-08).</summary>
[Rule("revenue-share")]
public sealed record RevenueShare : RegimeRule
{
    public required IReadOnlyList<string> ChipModels { get; init; }

    /// <summary>ISO codes or Country Groups; every destination when empty.</summary>
    public IReadOnlyList<string> Destinations { get; init; } = [];

    [ValueRange(0, 1, Is = "a fraction")]
    public required double Share { get; init; }

    public override LicenceDecision Amend(LicenceRequest request, LicenceDecision decision) =>
        decision.Outcome == LicenceOutcome.Approved && ChipModels.Contains(request.Order.ChipModel)
            && (Destinations.Count == 0 || CountryGroups.Matches(Destinations, request.Destination))
            ? decision with { RevenueShare = Share, RevenueShareUsd = request.Order.Chips * (request.Chip.UnitPriceUsd ?? 0) * Share }
            : decision;

    public override void Check(RuleChecks checks)
    {
        checks.Chips("chipModels", ChipModels);
        checks.Destinations("destinations", Destinations);
        checks.Priced("chipModels", ChipModels, "a revenue share");
    }
}
