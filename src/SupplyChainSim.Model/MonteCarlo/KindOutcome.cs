using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.MonteCarlo;

/// <summary>
/// What one replication says of one breach kind: the largest excess any cluster reached, the first month any cluster
/// went beyond the rules, and the first month some cluster's excess reached each concern threshold.
/// </summary>
public sealed record KindOutcome(string Kind, Tpp MaxExcess, YearMonth? FirstBreach, IReadOnlyList<ThresholdReached> Thresholds)
{
    public static KindOutcome Of(string kind, RunResults results)
    {
        var peaks = results.Months.Select(m => (m.Month, Excess: m.Peaks.FirstOrDefault(p => p.Kind == kind)?.Excess ?? Tpp.Zero)).ToList();
        YearMonth? First(Func<Tpp, bool> reached) => peaks.Where(p => reached(p.Excess)).Select(p => (YearMonth?)p.Month).FirstOrDefault();
        return new KindOutcome(kind, peaks.Select(p => p.Excess).DefaultIfEmpty(Tpp.Zero).Max(), First(e => e > Tpp.Zero),
            results.Info.Thresholds.For(kind).Select(t => new ThresholdReached(t, First(e => e >= Tpp.FromH100e(t)))).ToList());
    }
}
