using SupplyChainSim.Model.Breaches;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Exploration;

/// <summary>The outcome columns of explore.csv, and the measures sensitivity analysis is run on.</summary>
public static class ExploreOutcomes
{
    public const string PointColumn = "point";

    /// <summary>"unlawfulCompute", "unlawfulComputeGe1000": a kind (and threshold) as columns name it.</summary>
    public static string Prefix(string kind, double? threshold) => BreachKind.Camel(kind) + (threshold is { } t ? $"Ge{BreachThresholds.Number(t)}" : "");

    /// <summary>The numeric outcomes, in explore.csv's order: what sensitivity is measured on.</summary>
    public static IReadOnlyList<ExploreMeasure> Measures(BreachThresholds thresholds)
    {
        var measures = new List<ExploreMeasure>
        {
            new("breachProbability", "P(a breach of any kind)", p => p.MonteCarlo.BreachProbability, true),
            new("largestUnauthorisedH100eMean", "largest excess beyond the rules, any kind (H100e, mean)",
                p => p.Mean(r => H100eDisplay.H100eRounded(r.LargestUnauthorisedCluster, 3)), false),
            new("smuggledH100eMean", "smuggled H100e (mean)", p => p.Mean(r => r.Smuggled.H100e), false),
            new("seizedH100eMean", "seized H100e (mean)", p => p.Mean(r => r.Seized.H100e), false),
        };
        foreach (var kind in BreachKind.All)
            measures.Add(new($"{BreachKind.Camel(kind)}MaxExcessH100eMean", $"largest {kind} excess (H100e, mean)", p => p.MaxExcessMean(kind), false));
        foreach (var kind in BreachKind.All)
            foreach (var threshold in new double?[] { null }.Concat(thresholds.For(kind).Select(t => (double?)t)))
            {
                var target = new ExploreTarget(kind, threshold);
                measures.Add(new(target.Column, $"P({target.Describe()})", target.Probability, true));
            }
        return measures;
    }

    /// <summary>Every outcome column of explore.csv, after the point and the inputs.</summary>
    public static IReadOnlyList<string> Columns(BreachThresholds thresholds) =>
    [
        "replications", "breachProbability", "firstBreachMonthMedian", "largestUnauthorisedH100eMean", "smuggledH100eMean", "seizedH100eMean",
        .. BreachKind.All.Select(k => $"{BreachKind.Camel(k)}MaxExcessH100eMean"),
        .. BreachKind.All.SelectMany(k => new double?[] { null }.Concat(thresholds.For(k).Select(t => (double?)t))
            .SelectMany(t => new[] { Prefix(k, t) + "P", Prefix(k, t) + "FirstMonthMedian" })),
    ];

    /// <summary>The values of <see cref="Columns"/> at a point: probabilities and H100e rounded as compare.csv rounds them (4 decimals).</summary>
    public static IReadOnlyList<object> Values(ExplorePoint point, BreachThresholds thresholds)
    {
        static double Round(double value) => Math.Round(value, 4, MidpointRounding.AwayFromZero);
        var mc = point.MonteCarlo;
        var values = new List<object>
        {
            point.Replications.Count, Round(mc.BreachProbability), mc.FirstBreachMedian?.ToString() ?? "",
            Round(point.Mean(r => H100eDisplay.H100eRounded(r.LargestUnauthorisedCluster, 3))), Round(point.Mean(r => r.Smuggled.H100e)), Round(point.Mean(r => r.Seized.H100e)),
        };
        values.AddRange(BreachKind.All.Select(k => (object)Round(point.MaxExcessMean(k))));
        foreach (var kind in BreachKind.All)
            foreach (var threshold in new double?[] { null }.Concat(thresholds.For(kind).Select(t => (double?)t)))
            {
                var estimate = mc.Kinds.FirstOrDefault(k => k.Kind == kind && k.ThresholdH100e == threshold);
                values.Add(estimate is null ? "" : Round(estimate.Probability));
                values.Add(estimate?.FirstMonthMedian?.ToString() ?? "");
            }
        return values;
    }
}
