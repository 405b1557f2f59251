using System.Globalization;
using SupplyChainSim.Model.Breaches;
using SupplyChainSim.Model.Scenarios;

namespace SupplyChainSim.Model.Exploration;

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
