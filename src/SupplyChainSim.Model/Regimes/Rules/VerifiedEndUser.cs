using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Regimes.Rules;

/// <summary>
/// Verified end users of the AI Diffusion Rule (90 FR 4544): named owners approved outside the country caps.
/// A national VEU (NVEU) may hold up to <see cref="LimitH100ePerCountry"/> (about 320,000 H100e) in one country. A
/// universal VEU (UVEU, headquartered in Tier 1) keeps at least 75% of its compute in Tier 1, at most 7% in any one
/// Tier 2 country, and, headquartered in the United States, at least 50% there: its compute outside the modelled sites
/// is declared in <see cref="Tier1FootprintH100e"/> and <see cref="HomeFootprintH100e"/>, and what this rule approves in
/// the destination is added to it. Never an owner headquartered in D:5 or Macau.
/// </summary>
[Rule("verified-end-user")]
public sealed record VerifiedEndUser : RegimeRule
{
    /// <summary>"UVEU" or "NVEU".</summary>
    public string Kind { get; init; } = "NVEU";

    public required IReadOnlyList<string> Owners { get; init; }

    /// <summary>NVEU: the most it may hold in one country.</summary>
    [ValueRange(0, ScenarioLimits.H100e, AboveMinimum = true)]
    public double LimitH100ePerCountry { get; init; } = 320_000;

    /// <summary>UVEU: compute the firm holds in Tier 1 countries outside the modelled sites.</summary>
    [ValueRange(0, ScenarioLimits.H100e)]
    public double Tier1FootprintH100e { get; init; }

    /// <summary>UVEU: of that, in its home country (for a US firm, the United States).</summary>
    [ValueRange(0, ScenarioLimits.H100e)]
    public double HomeFootprintH100e { get; init; }

    /// <summary>UVEU: compute it holds in Tier 2 countries outside the modelled sites.</summary>
    [ValueRange(0, ScenarioLimits.H100e)]
    public double OtherFootprintH100e { get; init; }

    [ValueRange(0, 1, Is = "a fraction")]
    public double MinTier1Share { get; init; } = 0.75;

    [ValueRange(0, 1, Is = "a fraction")]
    public double MaxShareInTier2Country { get; init; } = 0.07;

    /// <summary>For a firm headquartered in the United States.</summary>
    [ValueRange(0, 1, Is = "a fraction")]
    public double MinHomeShare { get; init; } = 0.5;

    public override LicenceDecision? Decide(LicenceRequest request)
    {
        if (!request.Controlled || request.ToD5 || !Owners.Contains(request.Order.Buyer) && !Owners.Contains(request.Order.Owner)) return null;
        var account = ComputeAccount.Holding("veu", request.Order.Owner);
        if (Kind == "NVEU")
            return request.Ledger.TryUse(account, request.Compute, Tpp.FromH100e(LimitH100ePerCountry))
                ? request.Decide(Id, LicenceOutcome.Approved, "NVEU within its limit")
                : null;

        var here = (request.Ledger[account] + request.Compute).H100e;
        var tier1 = Tier1FootprintH100e + (request.Destination.Tier == 1 ? here : 0);
        var home = HomeFootprintH100e + (request.Destination.Code == request.OwnerHeadquarters.Code ? here : 0);
        var total = Tier1FootprintH100e + OtherFootprintH100e + here;
        var usFirm = request.OwnerHeadquarters.Code == "US";
        if (request.Destination.Tier == 2 && here > MaxShareInTier2Country * total) return null;
        if (tier1 < MinTier1Share * total || (usFirm && home < MinHomeShare * total)) return null;
        request.Ledger.Add(account, request.Compute);
        return request.Decide(Id, LicenceOutcome.Approved,
            FormattableString.Invariant($"UVEU within its shares ({here / total:P1} of its compute in {request.Destination.Code})"));
    }

    public override void Check(RuleChecks checks)
    {
        if (Kind is not ("UVEU" or "NVEU")) checks.Error("kind", $"expected \"UVEU\" or \"NVEU\", found \"{Kind}\"");
        if (Kind == "UVEU" && Tier1FootprintH100e <= 0)
            checks.Warning("tier1FootprintH100e", "a UVEU keeps at least 75% of its compute in Tier 1: without a Tier 1 footprint it is never approved outside Tier 1");
        if (HomeFootprintH100e > Tier1FootprintH100e)
            checks.Error("homeFootprintH100e", $"expected at most tier1FootprintH100e ({Tier1FootprintH100e}): the home country is part of Tier 1");
        if (LimitH100ePerCountry > 10_000_000)
            checks.Warning("limitH100ePerCountry", $"{LimitH100ePerCountry:N0} H100e is more than the world makes: is this TPP rather than H100e?");
    }
}
