using SupplyChainSim.Model.Units;
using MathNet.Numerics.Distributions;

namespace SupplyChainSim.Model.MonteCarlo;

/// <summary>
/// A scenario against a reference scenario over the replications they share: replication i of each ran on the same
/// seed, so each pair of replications differs only by the scenario (common random numbers), and the differences are
/// judged pair by pair. Probabilities: the difference with Newcombe's square-and-add interval from the two Wilson
/// score intervals and the pairs' correlation (Newcombe 1998, method 10; Fagerland, Lydersen and Laake 2014), and an
/// exact McNemar test (a two-sided binomial test on the discordant pairs). Means: the mean paired difference with the
/// paired t interval and test. H100e amounts are taken as compare-replications.csv writes them (to 0.001 H100e), so
/// the columns can be worked out again from that file.
/// </summary>
public sealed record PairedComparison(
    int Pairs,
    PairedProportion AnyBreach,
    IReadOnlyList<PairedProportion> Kinds,
    PairedMean Smuggled,
    PairedMean LargestUnauthorised,
    bool Deterministic)
{
    public const string ProportionMethod = "Newcombe square-and-add of Wilson score intervals with the pairs' correlation (Newcombe 1998, method 10); exact McNemar test";
    public const string MeanMethod = "paired t interval and test";

    /// <summary>The difference <paramref name="scenario"/> minus <paramref name="reference"/>, over the replications both have.</summary>
    public static PairedComparison Of(IReadOnlyList<ReplicationSummary> reference, IReadOnlyList<ReplicationSummary> scenario)
    {
        var byReplication = reference.ToDictionary(r => r.Replication);
        var pairs = scenario.OrderBy(r => r.Replication).Where(r => byReplication.ContainsKey(r.Replication))
            .Select(r => (Reference: byReplication[r.Replication], Scenario: r)).ToList();
        foreach (var (a, b) in pairs)
            if (a.Seed != b.Seed)
                throw new InvalidOperationException($"replication {a.Replication} ran on seed {a.Seed} and on seed {b.Seed}: paired differences need the same seeds");
        var kinds = new List<PairedProportion>();
        if (pairs.Count > 0)
            foreach (var kind in pairs[0].Scenario.Kinds)
            {
                if (pairs[0].Reference.Kinds.FirstOrDefault(k => k.Kind == kind.Kind) is null) continue;
                kinds.Add(PairedProportion.Of(kind.Kind, null, pairs.Select(p => (Reached(p.Reference, kind.Kind, null), Reached(p.Scenario, kind.Kind, null))).ToList()));
                foreach (var threshold in kind.Thresholds)
                    if (pairs[0].Reference.Kinds.First(k => k.Kind == kind.Kind).Thresholds.Any(t => t.ThresholdH100e == threshold.ThresholdH100e))
                        kinds.Add(PairedProportion.Of(kind.Kind, threshold.ThresholdH100e,
                            pairs.Select(p => (Reached(p.Reference, kind.Kind, threshold.ThresholdH100e), Reached(p.Scenario, kind.Kind, threshold.ThresholdH100e))).ToList()));
            }
        return new PairedComparison(
            pairs.Count,
            PairedProportion.Of(null, null, pairs.Select(p => (p.Reference.BreachCount > 0, p.Scenario.BreachCount > 0)).ToList()),
            kinds,
            PairedMean.Of(pairs.Select(p => H100eDisplay.H100eRounded(p.Scenario.Smuggled, 3) - H100eDisplay.H100eRounded(p.Reference.Smuggled, 3)).ToList()),
            PairedMean.Of(pairs.Select(p => H100eDisplay.H100eRounded(p.Scenario.LargestUnauthorisedCluster, 3) - H100eDisplay.H100eRounded(p.Reference.LargestUnauthorisedCluster, 3)).ToList()),
            MonteCarloSummary.AllAlike(reference) && MonteCarloSummary.AllAlike(scenario));
    }

    /// <summary>Whether some cluster's excess of a kind went above 0 (<paramref name="threshold"/> null) or reached the threshold.</summary>
    private static bool Reached(ReplicationSummary replication, string kind, double? threshold)
    {
        var outcome = replication.Kinds.First(k => k.Kind == kind);
        return threshold is { } t ? outcome.Thresholds.First(x => x.ThresholdH100e == t).FirstMonth is not null : outcome.FirstBreach is not null;
    }

    /// <summary>The paired difference of one kind and threshold; null when either scenario did not ask about it.</summary>
    public PairedProportion? Kind(string kind, double? threshold) => Kinds.FirstOrDefault(k => k.Kind == kind && k.ThresholdH100e == threshold);
}

/// <summary>
/// P(scenario) minus P(reference) over paired replications. <see cref="More"/>: pairs where only the scenario reached
/// it; <see cref="Fewer"/>: only the reference. <see cref="Kind"/> null is "any breach of any kind".
/// </summary>
public sealed record PairedProportion(string? Kind, double? ThresholdH100e, int Pairs, int Both, int More, int Fewer, int Neither,
    double Difference, double Lower95, double Upper95, double McNemarP)
{
    public static PairedProportion Of(string? kind, double? threshold, IReadOnlyList<(bool Reference, bool Scenario)> pairs)
    {
        var n = pairs.Count;
        var both = pairs.Count(p => p.Reference && p.Scenario);
        var more = pairs.Count(p => p.Scenario && !p.Reference);
        var fewer = pairs.Count(p => p.Reference && !p.Scenario);
        var neither = n - both - more - fewer;
        if (n == 0) return new PairedProportion(kind, threshold, 0, 0, 0, 0, 0, 0, -1, 1, 1);
        var (lower, upper) = Newcombe(both, more, fewer, neither);
        return new PairedProportion(kind, threshold, n, both, more, fewer, neither, (double)(more - fewer) / n, lower, upper, McNemar(more, fewer));
    }

    /// <summary>
    /// Newcombe's square-and-add interval for p1 - p2 from paired data: p1 = (both + more) / n is the scenario's,
    /// p2 = (both + fewer) / n the reference's, each with its Wilson score interval, combined with the correlation phi
    /// of the 2x2 table (0 when a margin is empty).
    /// </summary>
    public static (double Lower, double Upper) Newcombe(int both, int more, int fewer, int neither)
    {
        var n = both + more + fewer + neither;
        var p1 = (double)(both + more) / n;
        var p2 = (double)(both + fewer) / n;
        var (l1, u1) = MonteCarloSummary.WilsonInterval(both + more, n, 0.95);
        var (l2, u2) = MonteCarloSummary.WilsonInterval(both + fewer, n, 0.95);
        var margins = (double)(both + more) * (fewer + neither) * (both + fewer) * (more + neither);
        var phi = margins == 0 ? 0 : ((double)both * neither - (double)more * fewer) / Math.Sqrt(margins);
        var difference = p1 - p2;
        var below = Math.Sqrt(Math.Max(0, (p1 - l1) * (p1 - l1) - 2 * phi * (p1 - l1) * (u2 - p2) + (u2 - p2) * (u2 - p2)));
        var above = Math.Sqrt(Math.Max(0, (u1 - p1) * (u1 - p1) - 2 * phi * (u1 - p1) * (p2 - l2) + (p2 - l2) * (p2 - l2)));
        return (Math.Max(-1, difference - below), Math.Min(1, difference + above));
    }

    /// <summary>The exact McNemar test: two-sided, the discordant pairs as a binomial with p = 1/2; 1 without discordant pairs.</summary>
    public static double McNemar(int more, int fewer)
    {
        var discordant = more + fewer;
        if (discordant == 0) return 1;
        return Math.Min(1, 2 * Binomial.CDF(0.5, discordant, Math.Min(more, fewer)));
    }
}

/// <summary>
/// The mean of paired differences (scenario minus reference) with the 95% paired t interval and the two-sided paired t
/// test's p-value. With one pair there is no interval (NaN); when every pair differs by the same amount, the interval
/// is that amount and p is 1 if it is 0, else 0.
/// </summary>
public sealed record PairedMean(int Pairs, double Difference, double Lower95, double Upper95, double P)
{
    public static PairedMean Of(IReadOnlyList<double> differences)
    {
        var n = differences.Count;
        if (n == 0) return new PairedMean(0, double.NaN, double.NaN, double.NaN, double.NaN);
        if (n == 1) return new PairedMean(1, differences[0], double.NaN, double.NaN, double.NaN);
        // Every pair alike (deterministic scenarios): the difference is known, not estimated.
        if (differences.All(d => d == differences[0])) return new PairedMean(n, differences[0], differences[0], differences[0], differences[0] == 0 ? 1 : 0);
        var mean = differences.Sum() / n;
        var variance = differences.Sum(d => (d - mean) * (d - mean)) / (n - 1);
        var error = Math.Sqrt(variance / n);
        var t = StudentT.InvCDF(0, 1, n - 1, 0.975);
        var p = 2 * (1 - StudentT.CDF(0, 1, n - 1, Math.Abs(mean) / error));
        return new PairedMean(n, mean, mean - t * error, mean + t * error, Math.Clamp(p, 0, 1));
    }
}
