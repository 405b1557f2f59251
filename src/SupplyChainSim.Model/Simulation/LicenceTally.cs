using SupplyChainSim.Model.Regimes;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Simulation;

/// <summary>A month's licence decisions counted by the rule that decided them and by outcome.</summary>
/// <param name="RevenueShareUsd">The month's revenue shares summed in the decisions' order (so the run's total is the same to the last bit).</param>
public sealed record LicenceTally(IReadOnlyList<LicenceTallyRow> Rows, double RevenueShareUsd)
{
    public static LicenceTally Of(IReadOnlyList<LicenceDecision> decisions) => new(
        decisions.GroupBy(d => (d.Basis, d.Outcome))
            .Select(g => new LicenceTallyRow(g.Key.Basis, g.Key.Outcome, g.Count(), Tpp.Sum(g, d => d.Compute)))
            .OrderBy(r => r.Basis, StringComparer.Ordinal).ThenBy(r => r.Outcome).ToList(),
        decisions.Sum(d => d.RevenueShareUsd));

    public int Count() => Rows.Sum(r => r.Decisions);

    public int Count(LicenceOutcome outcome) => Rows.Where(r => r.Outcome == outcome).Sum(r => r.Decisions);
}
