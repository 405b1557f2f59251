using System.Globalization;
using SupplyChainSim.Model.Breaches;
using SupplyChainSim.Model.MonteCarlo;
using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Exploration;

/// <summary>One point of an exploration: the inputs' values there, and its replications' outcomes.</summary>
/// <param name="Index">Its place in the sample (explore.csv's "point").</param>
/// <param name="Values">Each input's value, in the order of the scenario's `uncertainties`.</param>
public sealed record ExplorePoint(int Index, IReadOnlyList<double> Values, IReadOnlyList<ReplicationSummary> Replications)
{
    /// <summary>The Monte Carlo estimates over the point's replications (as `run --replications` makes them).</summary>
    public MonteCarloSummary MonteCarlo { get; } = MonteCarloSummary.Of(Replications);

    /// <summary>Mean over the replications of one kind's largest excess, H100e.</summary>
    public double MaxExcessMean(string kind) => Mean(r => r.Kinds.FirstOrDefault(k => k.Kind == kind)?.MaxExcess.H100e ?? 0);

    public double Mean(Func<ReplicationSummary, double> value) => Replications.Count == 0 ? 0 : Replications.Average(value);
}

/// <summary>
/// An outcome of a point that sensitivity and scenario discovery can use: its column in explore.csv, what it is in
/// words, and its value at a point.
/// </summary>
public sealed record ExploreMeasure(string Column, string Title, Func<ExplorePoint, double> Value, bool IsProbability);

/// <summary>
/// The breach outcome scenario discovery looks for: a breach of any kind, or of one kind, at any excess or at one of
/// the scenario's concern thresholds. A point is a case of it when it is likely there: in more than half of the
/// point's replications.
/// </summary>
public sealed record ExploreTarget(string? Kind, double? ThresholdH100e)
{
    public static readonly ExploreTarget AnyBreach = new(null, null);

    /// <summary>The probability column in explore.csv.</summary>
    public string Column => Kind is null ? "breachProbability" : ExploreOutcomes.Prefix(Kind, ThresholdH100e) + "P";

    /// <summary>"unlawful-compute >= 50,000 H100e", "a breach of any kind".</summary>
    public string Describe() => Kind is null ? "a breach of any kind"
        : ThresholdH100e is { } t ? $"{Kind} >= {t.ToString("#,##0.###", CultureInfo.InvariantCulture)} H100e" : $"{Kind} (any excess)";

    /// <summary>How `--outcome` writes it: "any", "unlawful-compute", "unlawful-compute:50000".</summary>
    public string Option => Kind is null ? "any" : ThresholdH100e is { } t ? $"{Kind}:{BreachThresholds.Number(t)}" : Kind;

    public double Probability(ExplorePoint point) => Kind is null ? point.MonteCarlo.BreachProbability
        : point.MonteCarlo.Kinds.FirstOrDefault(k => k.Kind == Kind && k.ThresholdH100e == ThresholdH100e)?.Probability ?? 0;

    /// <summary>Likely at the point: in more than half of its replications (with one replication: it happened).</summary>
    public bool IsCase(ExplorePoint point) => Probability(point) > 0.5;

    /// <summary>
    /// Reads `--outcome`: "any", a breach kind, or a kind and one of its concern thresholds ("unlawful-compute:50000").
    /// Null, with what was expected, when the text names nothing the scenario measures.
    /// </summary>
    public static (ExploreTarget? Target, string? Problem) Parse(string text, BreachThresholds thresholds)
    {
        var choices = "\"any\", " + string.Join(", ", BreachKind.All.Select(k => $"\"{k}\"")) + ", or a kind and one of its thresholds (" +
            string.Join("; ", BreachKind.All.Select(k => $"{k}:{string.Join(",", thresholds.For(k).Select(BreachThresholds.Number))}")) + ")";
        if (text == "any") return (AnyBreach, null);
        var colon = text.IndexOf(':');
        var kind = colon < 0 ? text : text[..colon];
        if (!BreachKind.All.Contains(kind))
            return (null, $"expected {choices}, found \"{text}\"{Misspelling.DidYouMean(kind, [.. BreachKind.All, "any"])}");
        if (colon < 0) return (new ExploreTarget(kind, null), null);
        var known = thresholds.For(kind);
        var number = text[(colon + 1)..];
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var threshold) || !known.Contains(threshold))
            return (null, $"{kind} is measured at {string.Join(", ", known.Select(BreachThresholds.Number))} H100e (the scenario's breachThresholdsH100e); found \"{number}\"");
        return (new ExploreTarget(kind, threshold), null);
    }
}

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
