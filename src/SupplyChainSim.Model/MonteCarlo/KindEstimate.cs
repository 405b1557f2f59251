using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.MonteCarlo;

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
