using SupplyChainSim.Model.Units;

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
