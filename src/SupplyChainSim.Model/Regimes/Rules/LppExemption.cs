using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Model.Trade;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Regimes.Rules;

/// <summary>
/// Low Processing Performance exception of the AI Diffusion Rule: up to 26,900,000 TPP (about 1,699 H100e) per
/// consignee per calendar year with a notification only, not counted against the country cap. The 500 H100e variant
/// the administration considered sets AllowanceTpp to 7,915,600.
/// </summary>
[Rule("lpp-exemption")]
public sealed record LppExemption : RegimeRule, IConsigneeExemption
{
    [ValueRange(0, ScenarioLimits.Tpp, AboveMinimum = true)]
    public double AllowanceTpp { get; init; } = 26_900_000;

    [ValueRange(1, 3)]
    public IReadOnlyList<int> Tiers { get; init; } = [2];

    public override LicenceDecision? Decide(LicenceRequest request)
    {
        if (!request.Controlled || !Tiers.Contains(request.Destination.Tier)) return null;
        return request.Ledger.TryUse(ComputeAccount.ConsigneeYear("lpp", request.Order.Consignee, request.Month.Year), request.Compute, Tpp.FromTpp(AllowanceTpp))
            ? request.Decide(Id, LicenceOutcome.Notified, "within the consignee's yearly allowance")
            : null;
    }

    /// <summary>
    /// One consignee could have taken at most one allowance in each calendar year, counted (as the ledger counts it)
    /// in the year the export was decided: within a year, whatever lies beyond the allowance is beyond the exemption.
    /// </summary>
    public (Tpp Permitted, string Basis) ConsigneeLimit(IReadOnlyList<Acquisition> exportedUnderThis)
    {
        var allowance = Tpp.FromTpp(AllowanceTpp);
        var years = new SortedDictionary<int, Tpp>();
        foreach (var a in exportedUnderThis) years[a.Exported.Year] = years.GetValueOrDefault(a.Exported.Year) + a.Compute;
        var permitted = Tpp.Sum(years.Values.Select(year => Tpp.Min(allowance, year)));
        var count = years.Count;
        return (permitted, $"{Reason}: {count} allowance{(count == 1 ? "" : "s")} of {H100eDisplay.H100eText(allowance)} H100e " +
            $"for {string.Join(", ", years.Keys)}");
    }

    public override void Check(RuleChecks checks)
    {
        if (AllowanceTpp < 10 * Tpp.H100 || AllowanceTpp > 1_000_000 * Tpp.H100)
            checks.Warning("allowanceTpp", $"{AllowanceTpp:N0} TPP is {AllowanceTpp / Tpp.H100:N0} H100e a consignee a year; the rule's is 26,900,000 TPP " +
                "(1,699 H100e): is this in the right unit (TPP, not H100e)?");
    }
}
