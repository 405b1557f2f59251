namespace SupplyChainSim.Model.Regimes.Rules;

/// <summary>
/// AI Diffusion Rule tiers (90 FR 4544, published 2025-01-15, compliance 2025-05-15): Tier 1 unrestricted; Tier 3 (D:5
/// plus Macau, and entities headquartered there wherever they buy) embargoed; Tier 2 left to caps and allowances.
/// </summary>
[Rule("diffusion-tiers")]
public sealed record DiffusionTiers : RegimeRule
{
    public override LicenceDecision? Decide(LicenceRequest request)
    {
        if (!request.Controlled) return null;
        if (request.ToD5 || request.Destination.Tier == 3) return request.Decide(Id, LicenceOutcome.Denied, "Tier 3 embargo");
        return request.Destination.Tier == 1 ? request.Decide(Id, LicenceOutcome.Exempt, "Tier 1 unrestricted") : null;
    }
}
