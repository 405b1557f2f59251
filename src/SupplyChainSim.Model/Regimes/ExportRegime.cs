using SupplyChainSim.Model.Chips;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Regimes;

/// <summary>
/// The export regime in force in one month: the rules in force, asked in order of precedence. Before any rule, chips
/// not subject to the EAR and sales within the seller's own country are not exports; after every rule, what no rule
/// decided ships under the plain 3A090 classification (no licence outside the listed destinations).
/// </summary>
public sealed class ExportRegime
{
    public ExportRegime(IEnumerable<RegimeRule> rulesInForce) =>
        Rules = rulesInForce.Select((rule, index) => (rule, index)).OrderBy(r => r.rule.Precedence).ThenBy(r => r.index).Select(r => r.rule).ToList();

    public IReadOnlyList<RegimeRule> Rules { get; }

    public static ExportRegime At(IEnumerable<RegimeRule> rules, YearMonth month) => new(rules.Where(r => r.InForce(month)));

    public LicenceDecision Decide(LicenceRequest request)
    {
        if (!request.Seller.IsSubjectToEar)
            return request.Decide(LicenceOutcome.Exempt, "not-EAR: the seller's chips are not subject to US export controls");
        if (request.Seller.Country == request.Destination.Code)
            return request.Decide(LicenceOutcome.Exempt, "domestic: a sale within the seller's country is not an export");

        // Rules decide lazily, in order: a rule that counts an order against an allowance only does so when it decides.
        var decision = Rules.Select(rule => rule.Decide(request)).FirstOrDefault(d => d is not null) ?? Unlisted(request);
        foreach (var rule in Rules) decision = rule.Amend(request, decision);
        return decision;
    }

    /// <summary>The smallest yearly exemption a consignee in <paramref name="destination"/> has; null when none applies.</summary>
    public Tpp? ConsigneeAllowance(Countries.CountrySpec destination) =>
        Rules.OfType<LppExemption>().Where(r => r.Tiers.Contains(destination.Tier)).Select(r => (Tpp?)Tpp.FromTpp(r.AllowanceTpp)).Min();

    private static LicenceDecision Unlisted(LicenceRequest request) => request.ExportClass switch
    {
        ExportClass.NotControlled => request.Decide(LicenceOutcome.Exempt, "not-3A090: below the 3A090 thresholds"),
        ExportClass.Eccn3A090b => request.Decide(LicenceOutcome.Notified, "3A090.b: notified advanced computing"),
        _ => request.Decide(LicenceOutcome.Exempt, "3A090-NLR: no licence required for this destination"),
    };
}
