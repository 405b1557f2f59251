using SupplyChainSim.Model.Chips;
using SupplyChainSim.Model.Regimes.Rules;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Trade;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Regimes;

/// <summary>
/// The export regime in force in one month: the rules in force, asked in <see cref="DecisionOrder"/>. The buyer's
/// side first (the Entity List among it); then chips not subject to the EAR and sales within the seller's own country
/// are not exports; then the export rules; what no rule decided ships under the plain 3A090 classification. Every rule
/// in force may then amend the decision.
/// </summary>
public sealed class ExportRegime
{
    public ExportRegime(IEnumerable<RegimeRule> rulesInForce) =>
        Rules = rulesInForce.Select((rule, index) => (rule, index)).OrderBy(r => r.rule.Precedence).ThenBy(r => r.index).Select(r => r.rule).ToList();

    public IReadOnlyList<RegimeRule> Rules { get; }

    /// <summary>The regime of <paramref name="rules"/> in force in <paramref name="month"/>, with the rules in force in every regime.</summary>
    public static ExportRegime At(IEnumerable<RegimeRule> rules, YearMonth month) => new(DecisionOrder.Standing.Concat(rules.Where(r => r.InForce(month))));

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

    /// <summary>
    /// A lot reaches the border when it is delivered: a licence requirement that came into force after its order (the
    /// H20 to China from 2025-04-09) stops it there, as an export the rules now deny. Returns the decision that stops it,
    /// or null. Only the exporter's rules are asked (the buyer's side had its say when the order was placed), and nothing
    /// is counted: allowances and caps were counted when the lot was licensed, so only an outright denial stops a lot.
    /// </summary>
    public LicenceDecision? StopsAtBorder(Lot lot, MonthContext now, SimulationContext context)
    {
        var order = lot.AsOrder(now.Month);
        var request = new LicenceRequest(order, context.Catalogue[lot.ChipModel], context.Chipmaker(lot.Seller), context.Countries[lot.DestinationCountry],
            context.Countries[order.OwnerHeadquarters], now.Month, new DestinationLedger()) { UsBoundChips = now.UsBoundChips };
        return RefusesOutright(request) is { } refused ? refused with { Reason = refused.Reason with { At = DecisionPoint.Border } } : null;
    }

    /// <summary>
    /// The exporter's rules' outright refusal of <paramref name="request"/>, or null: asked without the buyer's side and
    /// counting nothing that matters (the request's ledger is its own). The border asks it of a lot; a lab asks it of a
    /// chip before it counts on buying it.
    /// </summary>
    public LicenceDecision? RefusesOutright(LicenceRequest request) => Decide(request, buyerSide: false) is { Outcome: LicenceOutcome.Denied } refused ? refused : null;

    /// <summary>
    /// Whether the destination's customs hold the lot on arrival (<see cref="CustomsHold"/>): drawn for the lot from its
    /// own stream, with the largest hold chance any rule in force gives its chip there.
    /// </summary>
    public bool HeldAtCustoms(Lot lot, YearMonth month, SimulationContext context)
    {
        var chance = Rules.OfType<CustomsHold>().Select(h => h.HoldChance(lot.ChipModel, context.Countries[lot.DestinationCountry])).DefaultIfEmpty(0).Max();
        return chance > 0 && context.Streams.Uniform(lot.Id, month.Index, "customs-hold") < chance;
    }

    /// <summary>The smallest yearly exemption a consignee in <paramref name="destination"/> has; null when none applies.</summary>
    public Tpp? ConsigneeAllowance(Countries.CountrySpec destination) =>
        Rules.OfType<LppExemption>().Where(r => r.Tiers.Contains(destination.Tier)).Select(r => (Tpp?)Tpp.FromTpp(r.AllowanceTpp)).Min();

    private static LicenceDecision? NotAnExport(LicenceRequest request)
    {
        if (!request.Seller.IsSubjectToEar)
            return request.Decide(RuleId.NotSubjectToEar, LicenceOutcome.Exempt, "the seller's chips are not subject to US export controls");
        if (request.Seller.Country == request.Destination.Code)
            return request.Decide(RuleId.Domestic, LicenceOutcome.Exempt, "a sale within the seller's country is not an export");
        return null;
    }

    /// <summary>
    /// What no rule decided: chips below 3A090 need nothing; 3A090.b chips to Country Groups D:1, D:4 and D:5 (or to an
    /// owner headquartered in D:5) go under a notification (License Exception NAC), elsewhere without one; 3A090.a chips
    /// need no licence where no rule requires one.
    /// </summary>
    private static LicenceDecision Unlisted(LicenceRequest request) => request.ExportClass switch
    {
        ExportClass.NotControlled => request.Decide(RuleId.Below3A090, LicenceOutcome.Exempt, "below the 3A090 thresholds"),
        ExportClass.Eccn3A090b when request.ToD5 || request.Destination.InGroup(CountryGroups.D1) || request.Destination.InGroup(CountryGroups.D4) =>
            request.Decide(RuleId.NotifiedAdvancedComputing, LicenceOutcome.Notified, "notified advanced computing to D:1, D:4 or D:5"),
        _ => request.Decide(RuleId.NoLicenceRequired, LicenceOutcome.Exempt, "no licence required for this destination"),
    };
}
