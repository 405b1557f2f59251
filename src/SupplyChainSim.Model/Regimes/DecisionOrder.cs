using System.Reflection;
using SupplyChainSim.Model.Regimes.Rules;

namespace SupplyChainSim.Model.Regimes;

/// <summary>
/// The order in which a regime's rules are asked about an order: the one listing the model document's table is
/// checked against. A regime asks the buyer's side first (a consignee on the Entity List is refused outright; a purchase
/// the buyer's government forbids is never ordered), then treats chips not subject to the EAR and sales within the
/// seller's country as no export, then asks the export rules: overrides for named chips before verified users and
/// deals, those before the tiers and the country licences, exemptions before allowances and caps. The first rule in
/// force that decides an order decides it; then every rule in force may amend the decision (conditions, revenue
/// shares). What no rule decides ships under ECCN 3A090 alone.
/// </summary>
public static class DecisionOrder
{
    /// <summary>Rules of the buyer's side: asked before anything is an export.</summary>
    public static readonly IReadOnlyList<Type> BuyerSide =
    [
        typeof(EntityListDenial),
        typeof(PurchaseRestriction),
        typeof(DiversionGuidance),
    ];

    /// <summary>Export rules, in the order they decide.</summary>
    public static readonly IReadOnlyList<Type> ExportRules =
    [
        typeof(ModelLicence),
        typeof(CaseByCaseWindow),
        typeof(VerifiedEndUser),
        typeof(BilateralQuota),
        typeof(Baseline3A090),
        typeof(DiffusionTiers),
        typeof(DestinationLicence),
        typeof(SmallInstallationExemption),
        typeof(Reciprocity),
        typeof(LppExemption),
        typeof(CountryCap),
    ];

    /// <summary>Rules that decide nothing themselves: they amend decisions, or act outside licensing.</summary>
    public static readonly IReadOnlyList<Type> Others =
    [
        typeof(TransitPermit),
        typeof(CustomsHold),
        typeof(IaasKyc),
        typeof(ExemptionConditions),
        typeof(RevenueShare),
    ];

    /// <summary>Every rule, in order.</summary>
    public static readonly IReadOnlyList<Type> All = [.. BuyerSide, .. ExportRules, .. Others];

    /// <summary>Rules in force in every regime, which no scenario names: the Entity List, filled by enforcement as the run goes.</summary>
    public static readonly IReadOnlyList<RegimeRule> Standing = [new EntityListDenial()];

    /// <summary>Every rule a scenario may name (its "rule" key), in order.</summary>
    public static readonly IReadOnlyList<Type> Named = [.. All.Where(rule => Standing.All(s => s.GetType() != rule))];

    private static readonly Dictionary<Type, (string Name, int Precedence)> ByType =
        All.Select((type, index) => (type, index)).ToDictionary(x => x.type, x => (NameFrom(x.type), x.index));

    /// <summary>Every rule's name, in order.</summary>
    public static IEnumerable<string> Names => All.Select(NameOf);

    public static string NameOf(Type rule) => ByType.TryGetValue(rule, out var entry)
        ? entry.Name
        : throw new InvalidOperationException($"{rule.Name} is not in {nameof(DecisionOrder)}: add it there to give it its place");

    public static int PrecedenceOf(Type rule) => ByType.TryGetValue(rule, out var entry)
        ? entry.Precedence
        : throw new InvalidOperationException($"{rule.Name} is not in {nameof(DecisionOrder)}: add it there to give it its place");

    public static bool IsBuyerSide(RegimeRule rule) => BuyerSide.Contains(rule.GetType());

    private static string NameFrom(Type rule) =>
        rule.GetCustomAttribute<RuleAttribute>()?.Name ?? throw new InvalidOperationException($"{rule.Name} has no [Rule(\"...\")] name");
}
