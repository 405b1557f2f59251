using SupplyChainSim.Model.Breaches;
using SupplyChainSim.Model.Calibration;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Trade;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.MonteCarlo;

/// <summary>What one replication contributes to a Monte Carlo estimate: a row of replications.csv.</summary>
public sealed record ReplicationSummary(
    int Replication,
    ulong Seed,
    int BreachCount,
    YearMonth? FirstBreachMonth,
    Tpp LargestCluster,
    Tpp LargestUnauthorisedCluster,
    Tpp Smuggled,
    Tpp Seized,
    int Detections,
    Tpp Licensed,
    Tpp Exempt,
    Tpp Denied)
{
    /// <summary>By breach kind, in <see cref="BreachKind.All"/>'s order: the largest excess and when each threshold was reached.</summary>
    public IReadOnlyList<KindOutcome> Kinds { get; init; } = [];

    /// <summary>Why controlled compute did not reach the grey market's labs (null without a grey market).</summary>
    public Market.KeptOut? KeptOut { get; init; }

    /// <summary>What the scenario's uncertain inputs drew for this replication.</summary>
    public IReadOnlyList<Worlds.InputDraw> Draws { get; init; } = [];

    /// <summary>The replication's value of every calibration target its months cover.</summary>
    public IReadOnlyList<TargetValue> Calibration { get; init; } = [];

    /// <summary>The run's value of every calibration target its months cover.</summary>
    public static IReadOnlyList<TargetValue> Measure(RunResults results, IReadOnlyList<CalibrationTarget> targets) =>
        targets.Where(t => t.CoveredBy(results.Info.Start, results.Info.Months))
            .Select(t => (t.Id, Value: CalibrationMetric.Measure(t, results)))
            .Where(x => x.Value is not null).Select(x => new TargetValue(x.Id, x.Value!.Value)).ToList();

    /// <summary>
    /// Whether another replication gave exactly the same outcomes: every column of replications.csv but the
    /// replication and its seed (amounts compared exactly, in tenths of TPP).
    /// </summary>
    public bool SameOutcomes(ReplicationSummary other) =>
        this with { Replication = other.Replication, Seed = other.Seed, Kinds = other.Kinds, Draws = other.Draws, Calibration = other.Calibration } == other
        && Draws.SequenceEqual(other.Draws) && Calibration.SequenceEqual(other.Calibration)
        && Kinds.Count == other.Kinds.Count
        && Kinds.Zip(other.Kinds).All(k => k.First.Kind == k.Second.Kind && k.First.MaxExcess == k.Second.MaxExcess
            && k.First.FirstBreach == k.Second.FirstBreach && k.First.Thresholds.SequenceEqual(k.Second.Thresholds));

    public static ReplicationSummary Of(int replication, RunResults results)
    {
        Tpp Sum(Func<MonthReport, Flow> flow) => Tpp.Sum(results.Months, m => flow(m).Compute);
        var breaches = results.Breaches.ToList();
        var detections = results.Months.SelectMany(m => m.Detections).ToList();
        return new ReplicationSummary(
            replication,
            results.Info.Seed,
            breaches.Count,
            breaches.Count == 0 ? null : breaches.Min(b => b.Month),
            results.Months.Select(m => m.LargestCluster).DefaultIfEmpty(Tpp.Zero).Max(),
            results.Months.Select(m => m.LargestUnauthorised?.Excess ?? Tpp.Zero).DefaultIfEmpty(Tpp.Zero).Max(),
            Sum(m => m.Smuggled),
            Tpp.Sum(detections, d => d.Compute),
            detections.Count,
            Sum(m => m.Licensed),
            Sum(m => m.Exempt),
            Sum(m => m.Denied))
        {
            Kinds = BreachKind.All.Select(kind => KindOutcome.Of(kind, results)).ToList(),
            Draws = results.Info.Draws,
            Calibration = Measure(results, results.Info.CalibrationTargets),
            KeptOut = Market.KeptOut.Of(results),
        };
    }
}
