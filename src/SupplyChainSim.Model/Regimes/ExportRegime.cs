using SupplyChainSim.Model.Chips;
using SupplyChainSim.Model.Regimes.Rules;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Regimes;

/// <summary>
/// The export regime in force in one month: the rules in force, asked in <see cref="DecisionOrder"/>. The buyer's
/// side first; then chips not subject to the EAR and sales within the seller's own country are not exports; then the
/// export rules; what no rule decided ships under the plain 3A090 classification. Every rule in force may then amend
/// the decision.
/// </summary>
public sealed class ExportRegime
{
    public ExportRegime(IEnumerable<RegimeRule> rulesInForce) =>
        Rules = rulesInForce.Select((rule, index) => (rule, index)).OrderBy(r => r.rule.Precedence).ThenBy(r => r.index).Select(r => r.rule).ToList();

    public IReadOnlyList<RegimeRule> Rules { get; }

    public static ExportRegime At(IEnumerable<RegimeRule> rules, YearMonth month) => new(rules.Where(r => r.InForce(month)));

    /// <param name="buyerSide">Whether to ask the buyer's side too: false asks only what the exporter's rules allow (is
    /// a chip lawful where it went?), which a buyer's own government has no say in.</param>
    public LicenceDecision Decide(LicenceRequest request, bool buyerSide = true)
    {
        // Rules decide lazily, in order: a rule that counts an order against an allowance only does so when it decides.
        var decision = (buyerSide ? Rules.Where(DecisionOrder.IsBuyerSide).Select(rule => rule.Decide(request)).FirstOrDefault(d => d is not null) : null)
            ?? NotAnExport(request)
            ?? Rules.Where(rule => !DecisionOrder.IsBuyerSide(rule)).Select(rule => rule.Decide(request)).FirstOrDefault(d => d is not null)
            ?? Unlisted(request);
        foreach (var rule in Rules) decision = rule.Amend(request, decision);
        return decision;
    }

    /// <summary>The smallest yearly exemption a consignee in <paramref name="destination"/> has; null when none applies.</summary>
    public Tpp? ConsigneeAllowance(Countries.CountrySpec destination) =>
        Rules.OfType<LppExemption>().Where(r => r.Tiers.Contains(destination.Tier)).Select(r => (Tpp?)Tpp.FromTpp(r.AllowanceTpp)).Min();

    private static LicenceDecision? NotAnExport(LicenceRequest request)
    {
        if (!request.Seller.IsSubjectToEar)
            return request.Decide(LicenceOutcome.Exempt, "not-EAR: the seller's chips are not subject to US export controls");
        if (request.Seller.Country == request.Destination.Code)
            return request.Decide(LicenceOutcome.Exempt, "domestic: a sale within the seller's country is not an export");
        return null;
    }

    /// <summary>
    /// What no rule decided: chips below 3A090 need nothing; 3A090.b chips to Country Groups D:1, D:4 and D:5 (or to an
    /// owner headquartered in D:5) go under a notification (License Exception NAC), elsewhere without one; 3A090.a chips
    /// need no licence where no rule requires one.
    /// </summary>
    private static LicenceDecision Unlisted(LicenceRequest request) => request.ExportClass switch
    {
        ExportClass.NotControlled => request.Decide(LicenceOutcome.Exempt, "not-3A090: below the 3A090 thresholds"),
        ExportClass.Eccn3A090b when request.ToD5 || request.Destination.InGroup(CountryGroups.D1) || request.Destination.InGroup(CountryGroups.D4) =>
            request.Decide(LicenceOutcome.Notified, "3A090.b-NAC: notified advanced computing to D:1, D:4 or D:5"),
        _ => request.Decide(LicenceOutcome.Exempt, "3A090-NLR: no licence required for this destination"),
    };
}
