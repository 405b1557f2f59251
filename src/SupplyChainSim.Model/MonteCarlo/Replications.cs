using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;
using SupplyChainSim.Model.Breaches;
using SupplyChainSim.Model.Calibration;
using SupplyChainSim.Model.Randomness;
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

    public static ReplicationSummary Of(int replication, RunResults results, IReadOnlyList<CalibrationTarget> targets)
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
            Calibration = Measure(results, targets),
        };
    }
}

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

/// <summary>A concern threshold (H100e of excess) and the first month some cluster's excess reached it; null if none did.</summary>
public sealed record ThresholdReached(double ThresholdH100e, YearMonth? FirstMonth);

/// <summary>Seeds of a Monte Carlo run: replication i always gets the same seed, and replication 0 the scenario's own.</summary>
public static class ReplicationSeeds
{
    public static ulong For(ulong scenarioSeed, int replication) => RandomStreams.ReplicationSeed(scenarioSeed, replication);
}

/// <summary>The Monte Carlo estimates over a set of replications.</summary>
public sealed record MonteCarloSummary(
    int Replications,
    double BreachProbability,
    double BreachProbabilityLower95,
    double BreachProbabilityUpper95,
    int ReplicationsWithBreach,
    YearMonth? FirstBreachMedian,
    YearMonth? FirstBreachP5,
    YearMonth? FirstBreachP95,
    double LargestClusterP5,
    double LargestClusterMedian,
    double LargestClusterP95,
    double LargestUnauthorisedClusterMedian,
    double LargestUnauthorisedClusterP95,
    double SmuggledH100eMean)
{
    /// <summary>For each breach kind: the probability of any excess, then of reaching each concern threshold.</summary>
    public IReadOnlyList<KindEstimate> Kinds { get; init; } = [];

    /// <summary>
    /// Every replication (at least two) gave the same outcomes: the seeds change nothing this run measures, so its
    /// probabilities are 0 or 1 for this world and the intervals around them say nothing about the scenario.
    /// </summary>
    public bool Deterministic { get; init; }

    /// <summary>Whether at least two replications ran and all gave the same outcomes as the first.</summary>
    public static bool AllAlike(IReadOnlyList<ReplicationSummary> replications) =>
        replications.Count >= 2 && replications.All(r => r.SameOutcomes(replications[0]));

    public static MonteCarloSummary Of(IReadOnlyList<ReplicationSummary> replications)
    {
        var n = replications.Count;
        var withBreach = replications.Count(r => r.BreachCount > 0);
        var (lower, upper) = WilsonInterval(withBreach, n, 0.95);
        var firstMonths = replications.Where(r => r.FirstBreachMonth is not null).Select(r => (double)r.FirstBreachMonth!.Value.Index).ToArray();
        YearMonth? MonthQuantile(double tau) =>
            firstMonths.Length == 0 ? null : new YearMonth((int)Math.Round(firstMonths.Quantile(tau), MidpointRounding.AwayFromZero));
        var largest = replications.Select(r => r.LargestCluster.H100e).ToArray();
        var unauthorised = replications.Select(r => r.LargestUnauthorisedCluster.H100e).ToArray();
        return new MonteCarloSummary(
            n,
            n == 0 ? 0 : (double)withBreach / n,
            lower,
            upper,
            withBreach,
            MonthQuantile(0.5),
            MonthQuantile(0.05),
            MonthQuantile(0.95),
            largest.Quantile(0.05),
            largest.Median(),
            largest.Quantile(0.95),
            unauthorised.Median(),
            unauthorised.Quantile(0.95),
            replications.Select(r => r.Smuggled.H100e).Mean())
        {
            Kinds = KindEstimate.Of(replications),
            Deterministic = AllAlike(replications),
        };
    }

    /// <summary>The first-month quantile of the replications that reached something; null when none did.</summary>
    internal static YearMonth? MonthQuantile(IEnumerable<YearMonth?> months, double tau)
    {
        var reached = months.Where(m => m is not null).Select(m => (double)m!.Value.Index).ToArray();
        return reached.Length == 0 ? null : new YearMonth((int)Math.Round(reached.Quantile(tau), MidpointRounding.AwayFromZero));
    }

    /// <summary>
    /// The Wilson score interval for a binomial proportion: unlike the normal approximation it stays inside [0,1]
    /// and behaves at 0 and n successes, which is where breach probabilities often sit.
    /// </summary>
    public static (double Lower, double Upper) WilsonInterval(int successes, int trials, double confidence)
    {
        if (trials == 0) return (0, 1);
        var z = Normal.InvCDF(0, 1, 1 - (1 - confidence) / 2);
        var p = (double)successes / trials;
        var denominator = 1 + z * z / trials;
        var centre = (p + z * z / (2 * trials)) / denominator;
        var half = z * Math.Sqrt(p * (1 - p) / trials + z * z / (4.0 * trials * trials)) / denominator;
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}

/// <summary>
/// How likely one breach kind is over a set of replications: at any size (<see cref="ThresholdH100e"/> null), or with
/// some cluster's excess reaching a concern threshold, with the 95% Wilson interval and the median first month.
/// </summary>
public sealed record KindEstimate(string Kind, double? ThresholdH100e, int Replications, int Reached, double Probability, double Lower95, double Upper95,
    YearMonth? FirstMonthMedian)
{
    /// <summary>Every replication must have the same kinds and thresholds (they ran the same scenario).</summary>
    public static IReadOnlyList<KindEstimate> Of(IReadOnlyList<ReplicationSummary> replications)
    {
        var estimates = new List<KindEstimate>();
        if (replications.Count == 0) return estimates;
        var n = replications.Count;
        KindEstimate Estimate(string kind, double? threshold, IReadOnlyList<YearMonth?> firsts)
        {
            var reached = firsts.Count(m => m is not null);
            var (lower, upper) = MonteCarloSummary.WilsonInterval(reached, n, 0.95);
            return new KindEstimate(kind, threshold, n, reached, (double)reached / n, lower, upper, MonteCarloSummary.MonthQuantile(firsts, 0.5));
        }
        foreach (var (kind, index) in replications[0].Kinds.Select((k, i) => (k.Kind, i)))
        {
            estimates.Add(Estimate(kind, null, replications.Select(r => r.Kinds[index].FirstBreach).ToList()));
            foreach (var (threshold, t) in replications[0].Kinds[index].Thresholds.Select((x, t) => (x.ThresholdH100e, t)))
                estimates.Add(Estimate(kind, threshold, replications.Select(r => r.Kinds[index].Thresholds[t].FirstMonth).ToList()));
        }
        return estimates;
    }

    /// <summary>"unlawful-compute, any excess" or "unlawful-compute >= 1,000 H100e".</summary>
    public string Describe() => ThresholdH100e is { } t
        ? $"{Kind} >= {t.ToString("#,##0.###", System.Globalization.CultureInfo.InvariantCulture)} H100e"
        : $"{Kind}, any excess";
}
