using MathNet.Numerics.Statistics;
using SupplyChainSim.Model.MonteCarlo;

namespace SupplyChainSim.Model.Calibration;

/// <summary>
/// A published figure beside the model's: the median over replications with its 5th and 95th percentiles, the ratio
/// of the median to the published central figure, and whether the median falls inside the published range.
/// </summary>
public sealed record CalibrationRow(CalibrationTarget Target, int Replications, double Median, double P5, double P95)
{
    public double RatioToCentral => Target.Central == 0 ? double.NaN : Median / Target.Central;

    public bool Inside => Median >= Target.Low && Median <= Target.High;

    /// <summary>The targets a run covers (<see cref="Simulation.RunInfo.CalibrationTargets"/>), measured over its replications (or the run alone when it has none).</summary>
    public static IReadOnlyList<CalibrationRow> For(Simulation.RunResults results, IReadOnlyList<ReplicationSummary>? replications) =>
        Of(results.Info.CalibrationTargets, replications ?? [ReplicationSummary.Of(0, results)]);

    /// <summary>One row per target some replication measured, in the targets' order.</summary>
    public static IReadOnlyList<CalibrationRow> Of(IReadOnlyList<CalibrationTarget> targets, IReadOnlyList<ReplicationSummary> replications) =>
        targets.Select(t => (Target: t, Values: replications.Select(r => r.Calibration.FirstOrDefault(c => c.Id == t.Id)?.Value).OfType<double>().ToArray()))
            .Where(x => x.Values.Length > 0)
            .Select(x => new CalibrationRow(x.Target, x.Values.Length, x.Values.Median(), x.Values.Quantile(0.05), x.Values.Quantile(0.95)))
            .ToList();
}
