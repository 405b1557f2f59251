using System.Text.Json.Serialization;
using SupplyChainSim.Model.Chips;
using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Regimes;

/// <summary>
/// One rule of an export regime, in force from <see cref="From"/> to <see cref="Until"/> (months, both included).
/// A regime is the set of rules in force in a month; its decision on an order is the first rule, in the fixed order
/// of <see cref="Precedence"/>, that decides it (see <see cref="ExportRegime"/>). Scenario files name rules by
/// their "rule" key; <see cref="Label"/> replaces the rule's name in licences.csv.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "rule", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(Baseline3A090), "baseline-3A090")]
[JsonDerivedType(typeof(DiffusionTiers), "diffusion-tiers")]
[JsonDerivedType(typeof(CountryCap), "country-cap")]
[JsonDerivedType(typeof(LppExemption), "lpp-exemption")]
[JsonDerivedType(typeof(SmallInstallationExemption), "small-installation")]
[JsonDerivedType(typeof(ModelLicence), "model-licence")]
[JsonDerivedType(typeof(DestinationLicence), "destination-licence")]
[JsonDerivedType(typeof(CaseByCaseWindow), "case-by-case-window")]
[JsonDerivedType(typeof(VerifiedEndUser), "verified-end-user")]
[JsonDerivedType(typeof(BilateralQuota), "bilateral-quota")]
[JsonDerivedType(typeof(Reciprocity), "reciprocity")]
[JsonDerivedType(typeof(TransitPermit), "transit-permit")]
[JsonDerivedType(typeof(ExemptionConditions), "exemption-conditions")]
[JsonDerivedType(typeof(RevenueShare), "revenue-share")]
public abstract record RegimeRule
{
    public YearMonth? From { get; init; }

    public YearMonth? Until { get; init; }

    public string? Label { get; init; }

    /// <summary>The rule's name in scenario files (its "rule" key).</summary>
    [JsonIgnore]
    public string Name => RuleName;

    /// <summary>Lower decides first. Overrides for named chips come before tiers, tiers before allowances and caps.</summary>
    [JsonIgnore]
    public int Precedence => RulePrecedence;

    // Protected, so that they stay out of the rule's JSON.
    protected abstract string RuleName { get; }

    protected abstract int RulePrecedence { get; }

    [JsonIgnore]
    public string Reason => Label ?? Name;

    public bool InForce(YearMonth month) => (From is null || From <= month) && (Until is null || month <= Until);

    /// <summary>The decision, if this rule decides the order; null to leave it to the next rule.</summary>
    public virtual LicenceDecision? Decide(LicenceRequest request) => null;

    /// <summary>Adjusts a decision made by any rule (conditions, revenue shares).</summary>
    public virtual LicenceDecision Amend(LicenceRequest request, LicenceDecision decision) => decision;

    protected static bool Listed(IReadOnlyList<string> list, string value) => list.Count == 0 || list.Contains(value);
}

/// <summary>
/// October 2022/2023 controls: 3A090 chips to Country Group D:5 and Macau, or to entities headquartered there, need a
/// licence with a presumption of denial. Chips diverted there are unlawful compute.
/// </summary>
public sealed record Baseline3A090 : RegimeRule
{
    protected override string RuleName => "baseline-3A090";

    protected override int RulePrecedence => 50;

    public override LicenceDecision? Decide(LicenceRequest request) =>
        request.Controlled && request.ToD5 ? request.Decide(LicenceOutcome.Denied, Reason + ": presumption of denial for D:5 and Macau") : null;
}

/// <summary>AI Diffusion Rule tiers: Tier 1 unrestricted; Tier 3 (D:5 plus Macau) embargoed; Tier 2 left to caps and allowances.</summary>
public sealed record DiffusionTiers : RegimeRule
{
    protected override string RuleName => "diffusion-tiers";

    protected override int RulePrecedence => 50;

    public override LicenceDecision? Decide(LicenceRequest request)
    {
        if (!request.Controlled) return null;
        if (request.ToD5 || request.Destination.Tier == 3) return request.Decide(LicenceOutcome.Denied, Reason + ": Tier 3 embargo");
        return request.Destination.Tier == 1 ? request.Decide(LicenceOutcome.Exempt, Reason + ": Tier 1 unrestricted") : null;
    }
}

/// <summary>
/// Tier 2 country cap: cumulative TPP licensed to a country over a period (790 million TPP = 49,901 H100e for
/// 2025-2027), multiplied for countries with a government-to-government technology-security agreement.
/// </summary>
public sealed record CountryCap : RegimeRule
{
    protected override string RuleName => "country-cap";

    protected override int RulePrecedence => 80;

    [ValueRange(0, ScenarioLimits.Tpp, AboveMinimum = true)]
    public double CapTpp { get; init; } = 790_000_000;

    public required YearMonth PeriodFrom { get; init; }

    public required YearMonth PeriodUntil { get; init; }

    [ValueRange(1, 3)]
    public IReadOnlyList<int> Tiers { get; init; } = [2];

    public IReadOnlyList<string> AgreementCountries { get; init; } = [];

    [ValueRange(0, 100, AboveMinimum = true)]
    public double AgreementMultiplier { get; init; } = 2;

    public Tpp Cap(string country) => Tpp.FromTpp(CapTpp * (AgreementCountries.Contains(country) ? AgreementMultiplier : 1));

    public override LicenceDecision? Decide(LicenceRequest request)
    {
        if (!request.Controlled || !Tiers.Contains(request.Destination.Tier) || request.Month < PeriodFrom || request.Month > PeriodUntil) return null;
        var key = $"cap:{PeriodFrom}..{PeriodUntil}";
        return request.Ledger.TryUse(key, request.Compute, Cap(request.Destination.Code))
            ? request.Decide(LicenceOutcome.Approved, Reason + ": within the country cap")
            : request.Decide(LicenceOutcome.Denied, Reason + ": country cap exhausted");
    }
}

/// <summary>
/// Low Processing Performance exception: up to 26,900,000 TPP (about 1,699 H100e) per consignee per calendar year
/// with a notification only, not counted against the country cap. The 500 H100e variant sets AllowanceTpp to 7,915,600.
/// </summary>
public sealed record LppExemption : RegimeRule, IConsigneeExemption
{
    protected override string RuleName => "lpp-exemption";

    protected override int RulePrecedence => 75;

    [ValueRange(0, ScenarioLimits.Tpp, AboveMinimum = true)]
    public double AllowanceTpp { get; init; } = 26_900_000;

    [ValueRange(1, 3)]
    public IReadOnlyList<int> Tiers { get; init; } = [2];

    public override LicenceDecision? Decide(LicenceRequest request)
    {
        if (!request.Controlled || !Tiers.Contains(request.Destination.Tier)) return null;
        var key = $"lpp:{request.Order.Consignee}:{request.Month.Year}";
        return request.Ledger.TryUse(key, request.Compute, Tpp.FromTpp(AllowanceTpp))
            ? request.Decide(LicenceOutcome.Notified, Reason + ": within the consignee's yearly allowance")
            : null;
    }

    /// <summary>
    /// One consignee could have taken at most one allowance in each calendar year, counted (as the ledger counts it)
    /// in the year the export was decided: within a year, whatever lies beyond the allowance is beyond the exemption.
    /// </summary>
    public (Tpp Permitted, string Basis) ConsigneeLimit(IReadOnlyList<Trade.Acquisition> exportedUnderThis)
    {
        var allowance = Tpp.FromTpp(AllowanceTpp);
        var years = exportedUnderThis.GroupBy(a => a.Exported.Year).OrderBy(g => g.Key).ToList();
        var permitted = Tpp.Sum(years.Select(y => Tpp.Min(allowance, Tpp.Sum(y.Select(a => a.Compute)))));
        var count = years.Count;
        return (permitted, $"{Reason}: {count} allowance{(count == 1 ? "" : "s")} of {Breaches.ClusterAssessor.H100e(allowance)} H100e " +
            $"for {string.Join(", ", years.Select(y => y.Key))}");
    }
}

/// <summary>Installations of fewer than MaxChips chips need no licence (the rule the reciprocity draft would remove).</summary>
public sealed record SmallInstallationExemption : RegimeRule, IConsigneeExemption
{
    protected override string RuleName => "small-installation";

    // Before the reciprocity bands: the draft keeps the exemption but attaches conditions to it.
    protected override int RulePrecedence => 58;

    [ValueRange(1, ScenarioLimits.H100e)]
    public int MaxChips { get; init; } = 1000;

    [ValueRange(1, 3)]
    public IReadOnlyList<int> Tiers { get; init; } = [2];

    public override LicenceDecision? Decide(LicenceRequest request)
    {
        if (!request.Controlled || !Tiers.Contains(request.Destination.Tier)) return null;
        var key = DestinationLedger.ChipCountPrefix + request.Order.Consignee;
        return request.Ledger.TryUse(key, new Tpp(request.Order.Chips), new Tpp(MaxChips - 1))
            ? request.Decide(LicenceOutcome.Exempt, Reason + $": installation below {MaxChips} chips")
            : null;
    }

    /// <summary>One consignee's installation may hold fewer than MaxChips chips under the exemption: the first
    /// MaxChips - 1 chips exported under it, in the order they were exported.</summary>
    public (Tpp Permitted, string Basis) ConsigneeLimit(IReadOnlyList<Trade.Acquisition> exportedUnderThis)
    {
        long room = MaxChips - 1;
        var permitted = Tpp.Zero;
        foreach (var a in exportedUnderThis.OrderBy(a => a.Exported).ThenBy(a => a.Month))
        {
            var chips = Math.Min(room, a.Chips);
            if (chips <= 0) break;
            permitted += new Tpp(a.Compute.Tenths / a.Chips * chips);
            room -= chips;
        }
        return (permitted, $"{Reason}: one installation below {MaxChips:N0} chips");
    }
}

/// <summary>A licence requirement on named chip models to named destinations, decided one way (H20 to China, 2025-04).</summary>
public sealed record ModelLicence : RegimeRule
{
    protected override string RuleName => "model-licence";

    protected override int RulePrecedence => 20;

    public required IReadOnlyList<string> ChipModels { get; init; }

    public required IReadOnlyList<string> Destinations { get; init; }

    /// <summary>"deny" (presumption of denial) or "approve".</summary>
    public string Policy { get; init; } = "deny";

    /// <summary>With "approve": at most this much a month (a concession's quantity cap); beyond it the next rule decides.</summary>
    [ValueRange(0, ScenarioLimits.H100e, AboveMinimum = true)]
    public double? QuotaH100ePerMonth { get; init; }

    public override LicenceDecision? Decide(LicenceRequest request)
    {
        if (!ChipModels.Contains(request.Order.ChipModel) || !Destinations.Contains(request.Destination.Code)) return null;
        if (Policy == "approve" && QuotaH100ePerMonth is { } quota
            && !request.Ledger.TryUse($"model-quota:{Reason}:{request.Month}", request.Compute, Tpp.FromH100e(quota)))
            return null;
        return request.Decide(Policy == "approve" ? LicenceOutcome.Approved : LicenceOutcome.Denied,
            $"{Reason}: {request.Order.ChipModel} licence {(Policy == "approve" ? "granted" : "denied")}");
    }
}

/// <summary>
/// A licence requirement for every 3A090 chip to named destinations, decided one way: for example the licences
/// Country Groups D:1 and D:4 (Saudi Arabia, the UAE) need since October 2023, which bilateral quotas then open.
/// </summary>
public sealed record DestinationLicence : RegimeRule
{
    protected override string RuleName => "destination-licence";

    protected override int RulePrecedence => 55;

    public required IReadOnlyList<string> Destinations { get; init; }

    /// <summary>"deny" (presumption of denial) or "approve".</summary>
    public string Policy { get; init; } = "deny";

    public override LicenceDecision? Decide(LicenceRequest request) =>
        request.Controlled && Destinations.Contains(request.Destination.Code)
            ? request.Decide(Policy == "approve" ? LicenceOutcome.Approved : LicenceOutcome.Denied, $"{Reason}: licence {(Policy == "approve" ? "granted" : "denied")} for {request.Destination.Code}")
            : null;
}

/// <summary>Case-by-case review for chips below a TPP ceiling to named destinations (H200 to China from 2026-01: TPP &lt; 21,000).</summary>
public sealed record CaseByCaseWindow : RegimeRule
{
    protected override string RuleName => "case-by-case-window";

    protected override int RulePrecedence => 30;

    public required IReadOnlyList<string> Destinations { get; init; }

    [ValueRange(1, ScenarioLimits.ChipTpp)]
    public double MaxTpp { get; init; } = 21_000;

    public bool ThirdPartyTesting { get; init; } = true;

    public override LicenceDecision? Decide(LicenceRequest request) =>
        request.Controlled && Destinations.Contains(request.Destination.Code) && request.Chip.Tpp < MaxTpp
            ? request.Decide(LicenceOutcome.Approved, Reason + $": TPP below {MaxTpp:0}") with
            {
                Conditions = new LicenceConditions { ThirdPartyTesting = ThirdPartyTesting },
            }
            : null;
}

/// <summary>Verified end users (UVEU, NVEU): named owners may receive up to a limit per country.</summary>
public sealed record VerifiedEndUser : RegimeRule
{
    protected override string RuleName => "verified-end-user";

    protected override int RulePrecedence => 40;

    /// <summary>"UVEU" or "NVEU".</summary>
    public string Kind { get; init; } = "NVEU";

    public required IReadOnlyList<string> Owners { get; init; }

    [ValueRange(0, ScenarioLimits.H100e, AboveMinimum = true)]
    public double LimitH100ePerCountry { get; init; } = 320_000;

    public override LicenceDecision? Decide(LicenceRequest request)
    {
        if (!request.Controlled || !Owners.Contains(request.Order.Buyer) && !Owners.Contains(request.Order.Owner)) return null;
        return request.Ledger.TryUse($"veu:{request.Order.Owner}", request.Compute, Tpp.FromH100e(LimitH100ePerCountry))
            ? request.Decide(LicenceOutcome.Approved, $"{Reason}: {Kind} within its limit")
            : null;
    }
}

/// <summary>A bilateral deal: a yearly quota for one country (Saudi Arabia, UAE; May 2025).</summary>
public sealed record BilateralQuota : RegimeRule
{
    protected override string RuleName => "bilateral-quota";

    protected override int RulePrecedence => 45;

    public required string Country { get; init; }

    [ValueRange(0, ScenarioLimits.H100e, AboveMinimum = true)]
    public required double QuotaH100ePerYear { get; init; }

    public override LicenceDecision? Decide(LicenceRequest request)
    {
        if (!request.Controlled || request.Destination.Code != Country) return null;
        return request.Ledger.TryUse($"quota:{Reason}:{request.Month.Year}", request.Compute, Tpp.FromH100e(QuotaH100ePerYear))
            ? request.Decide(LicenceOutcome.Approved, $"{Reason}: within the {Country} quota")
            : null;
    }
}

/// <summary>
/// The reciprocity draft (2026-03): a licence everywhere, in bands by what one entity holds in one country, in
/// GB300-equivalents: simplified review up to 1,000; pre-clearance up to 200,000; beyond that only under an
/// intergovernmental agreement with investment pledged in US AI infrastructure (1 USD per 1 USD of build-out).
/// </summary>
public sealed record Reciprocity : RegimeRule
{
    protected override string RuleName => "reciprocity";

    protected override int RulePrecedence => 60;

    [ValueRange(0, ScenarioLimits.H100e)]
    public double SimplifiedUpToGb300 { get; init; } = 1_000;

    [ValueRange(0, ScenarioLimits.H100e)]
    public double PreclearanceUpToGb300 { get; init; } = 200_000;

    /// <summary>Countries with an intergovernmental agreement, and the investment (USD) each pledged in US data centres.</summary>
    [ValueRange(0, 1e13)]
    public IReadOnlyDictionary<string, double> Agreements { get; init; } = new Dictionary<string, double>();

    [ValueRange(0, 10)]
    public double InvestmentPerUsdOfBuildOut { get; init; } = 1;

    public const double Gb300Tpp = 60_000;

    public override LicenceDecision? Decide(LicenceRequest request)
    {
        if (!request.Controlled) return null;
        var key = $"reciprocity:{request.Order.Owner}";
        var held = request.Ledger[key] + request.Compute;
        string band;
        if (held <= Tpp.FromTpp(SimplifiedUpToGb300 * Gb300Tpp)) band = "simplified review";
        else if (held <= Tpp.FromTpp(PreclearanceUpToGb300 * Gb300Tpp)) band = "pre-clearance";
        else
        {
            var pledge = Agreements.GetValueOrDefault(request.Destination.Code);
            var buildOut = request.Order.Chips * (request.Chip.UnitPriceUsd ?? 0) * InvestmentPerUsdOfBuildOut;
            var pledged = $"pledge:{request.Destination.Code}";
            if (pledge <= 0 || (request.Ledger[pledged].Tenths + buildOut) > pledge)
                return request.Decide(LicenceOutcome.Denied, Reason + ": above 200,000 GB300 without an intergovernmental agreement and pledge");
            request.Ledger.Add(pledged, new Tpp(checked((long)buildOut)));
            band = "intergovernmental agreement";
        }
        request.Ledger.Add(key, request.Compute);
        return request.Decide(LicenceOutcome.Approved, $"{Reason}: {band}");
    }
}

/// <summary>A transit country's own permit for US-origin AI chips (Malaysia's Strategic Trade Permit from 2025-07-14).</summary>
public sealed record TransitPermit : RegimeRule
{
    protected override string RuleName => "transit-permit";

    protected override int RulePrecedence => 85;

    public required string Country { get; init; }

    public override LicenceDecision? Decide(LicenceRequest request) =>
        request.Controlled && request.Destination.Code == Country
            ? request.Decide(LicenceOutcome.Approved, $"{Reason}: {Country} permit for US-origin AI chips")
            : null;
}

/// <summary>Conditions attached to every exemption (and, if asked, every licence) while in force.</summary>
public sealed record ExemptionConditions : RegimeRule
{
    protected override string RuleName => "exemption-conditions";

    protected override int RulePrecedence => 1000;

    public bool NoClustering { get; init; }

    /// <summary>The largest cluster no-clustering software lets a site of exempt chips form.</summary>
    [ValueRange(0, ScenarioLimits.H100e)]
    public double? NoClusteringLimitH100e { get; init; }

    [ValueRange(0, 1, Is = "a probability")]
    public double ExporterMonitoring { get; init; }

    public bool LocationVerification { get; init; }

    public bool ThirdPartyTesting { get; init; }

    public bool AlsoOnLicences { get; init; }

    public override LicenceDecision Amend(LicenceRequest request, LicenceDecision decision)
    {
        var applies = request.Controlled && decision.Outcome switch
        {
            LicenceOutcome.Exempt or LicenceOutcome.Notified => true,
            LicenceOutcome.Approved => AlsoOnLicences,
            _ => false,
        };
        if (!applies) return decision;
        var c = decision.Conditions;
        return decision with
        {
            Conditions = c with
            {
                NoClustering = c.NoClustering || NoClustering,
                ExporterMonitoring = Math.Max(c.ExporterMonitoring, ExporterMonitoring),
                LocationVerification = c.LocationVerification || LocationVerification,
                ThirdPartyTesting = c.ThirdPartyTesting || ThirdPartyTesting,
            },
        };
    }

}

/// <summary>A share of licensed sales paid to the US government (15% for H20/MI308 to China from 2025-08; 25% for H200).</summary>
public sealed record RevenueShare : RegimeRule
{
    protected override string RuleName => "revenue-share";

    protected override int RulePrecedence => 1000;

    public required IReadOnlyList<string> ChipModels { get; init; }

    public IReadOnlyList<string> Destinations { get; init; } = [];

    [ValueRange(0, 1, Is = "a fraction")]
    public required double Share { get; init; }

    public override LicenceDecision Amend(LicenceRequest request, LicenceDecision decision) =>
        decision.Outcome == LicenceOutcome.Approved && ChipModels.Contains(request.Order.ChipModel) && Listed(Destinations, request.Destination.Code)
            ? decision with { RevenueShare = Share, RevenueShareUsd = request.Order.Chips * (request.Chip.UnitPriceUsd ?? 0) * Share }
            : decision;
}

/// <summary>
/// A licence exemption granted per consignee (LPP, small installation). One owner's linked cluster may hold at most
/// what a single consignee could have taken under it: more is piecemeal assembly beyond the exemption.
/// </summary>
public interface IConsigneeExemption
{
    /// <summary>How much of the compute exported under this exemption one consignee could have taken, and the rule and
    /// figure that say so (for example "lpp-exemption: 1 allowance of 1,699.2 H100e for 2025").</summary>
    (Tpp Permitted, string Basis) ConsigneeLimit(IReadOnlyList<Trade.Acquisition> exportedUnderThis);
}
