using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.MonteCarlo;

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

    /// <summary>The mean over replications of why controlled compute did not reach the grey market's labs (null without one).</summary>
    public Market.KeptOut? KeptOutMean { get; init; }

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
            KeptOutMean = Market.KeptOut.Mean(replications.Select(r => r.KeptOut)),
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
