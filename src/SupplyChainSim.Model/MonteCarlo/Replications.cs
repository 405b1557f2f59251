using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;
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
    public static ReplicationSummary Of(int replication, RunResults results)
    {
        Tpp Sum(Func<MonthReport, Flow> flow) => results.Months.Aggregate(Tpp.Zero, (sum, m) => sum + flow(m).Compute);
        var breaches = results.Breaches.ToList();
        var detections = results.Months.SelectMany(m => m.Detections).ToList();
        return new ReplicationSummary(
            replication,
            results.Info.Seed,
            breaches.Count,
            breaches.Count == 0 ? null : breaches.Min(b => b.Month),
            results.Months.Select(m => m.LargestCluster).DefaultIfEmpty(Tpp.Zero).Max(),
            results.Months.Select(m => m.LargestUnauthorised?.Cluster ?? Tpp.Zero).DefaultIfEmpty(Tpp.Zero).Max(),
            Sum(m => m.Smuggled),
            detections.Aggregate(Tpp.Zero, (sum, d) => sum + d.Compute),
            detections.Count,
            Sum(m => m.Licensed),
            Sum(m => m.Exempt),
            Sum(m => m.Denied));
    }
}

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
            replications.Select(r => r.Smuggled.H100e).Mean());
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
