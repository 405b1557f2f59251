using MathNet.Numerics.Statistics;
using SupplyChainSim.Model.Breaches;
using SupplyChainSim.Model.MonteCarlo;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Units;
using SupplyChainSim.Output;

namespace SupplyChainSim.Reports;

/// <summary>
/// A regime's outcome over its replications: a column of compare.html, a row of compare.csv or sweep.csv. The
/// estimates are <see cref="MonteCarloSummary"/>'s, so they equal summary.json's monteCarlo for the same runs.
/// </summary>
public sealed record RegimeOutcome(
    string Label,
    RunInfo Run,
    MonteCarloSummary MonteCarlo,
    IReadOnlyList<double> LicensedMeans,
    IReadOnlyList<double> ExemptMeans)
{
    /// <summary>Every replication's row, in replication order: what paired comparisons and compare-replications.csv are made of.</summary>
    public IReadOnlyList<ReplicationSummary> Replications { get; init; } = [];

    /// <summary>The world the regime ran in, when known: to warn when compared regimes ran in different worlds.</summary>
    public ComparedWorld? World { get; init; }

    /// <param name="run">Replication 0's facts: the scenario, its seed, period, regime and agents.</param>
    public static RegimeOutcome Of(string label, RunInfo run, IReadOnlyList<ReplicationOutcome> replications)
    {
        IReadOnlyList<double> Means(Func<TierExports, IReadOnlyList<Tpp>> route) =>
            TierExports.Tiers.Select(t => replications.Select(r => route(r.Exports)[t - 1].H100e).Mean()).ToList();
        var summaries = replications.Select(r => r.Summary).OrderBy(r => r.Replication).ToList();
        return new RegimeOutcome(label, run, MonteCarloSummary.Of(summaries), Means(e => e.Licensed), Means(e => e.Exempt)) { Replications = summaries };
    }

    /// <summary>Mean over the replications of the largest excess beyond the rules (any kind), H100e as compare-replications.csv has it.</summary>
    public double LargestUnauthorisedMean => Replications.Count == 0 ? 0 : Replications.Average(r => ResultFiles.H100e(r.LargestUnauthorisedCluster));

    /// <summary>Mean H100e seized from intermediaries' lots.</summary>
    public double SeizedMean => Replications.Count == 0 ? 0 : Replications.Average(r => r.Seized.H100e);

    /// <summary>Mean, median and 95th percentile over the replications of one kind's largest excess (H100e).</summary>
    public (double Mean, double Median, double P95) KindExcess(string kind)
    {
        var excess = Replications.Select(r => r.Kinds.FirstOrDefault(k => k.Kind == kind)?.MaxExcess.H100e ?? 0).ToArray();
        return excess.Length == 0 ? (0, 0, 0) : (excess.Mean(), excess.Median(), excess.Quantile(0.95));
    }

    public double LicensedMean(int tier) => LicensedMeans[tier - 1];

    public double ExemptMean(int tier) => ExemptMeans[tier - 1];

    /// <summary>The columns every outcome row has, after the columns that say which regime it is.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "replications", "deterministic", "replicationsWithBreach", "breachProbability", "breachProbabilityLower95", "breachProbabilityUpper95",
        "firstBreachMonthP5", "firstBreachMonthMedian", "firstBreachMonthP95", "largestUnauthorisedH100eMedian",
        "largestUnauthorisedH100eP95", "largestUnauthorisedH100eMean", "smuggledH100eMean", "seizedH100eMean",
        "deterredH100eMean", "substitutedH100eMean",
        .. TierExports.Tiers.Select(t => $"licensedH100eTier{t}Mean"), .. TierExports.Tiers.Select(t => $"exemptH100eTier{t}Mean"),
    ];

    /// <summary>
    /// The breach kinds and thresholds of a set of rows, in kind order then ascending: every (kind, threshold) any row
    /// was asked about (scenarios may set their own thresholds), "any excess" (null) first for each kind.
    /// </summary>
    public static IReadOnlyList<(string Kind, double? Threshold)> KindColumns(IReadOnlyList<RegimeOutcome> rows) =>
        rows.SelectMany(r => r.MonteCarlo.Kinds).Select(k => (k.Kind, k.ThresholdH100e)).Distinct()
            .OrderBy(k => BreachKind.Rank(k.Kind)).ThenBy(k => k.ThresholdH100e ?? -1).ToList();

    /// <summary>Four columns per kind and threshold: the probability, its 95% Wilson interval and the median first month.</summary>
    public static IReadOnlyList<string> KindColumnNames(IReadOnlyList<(string Kind, double? Threshold)> kinds) =>
        kinds.SelectMany(k => Prefix(k) is var p ? (IEnumerable<string>)[$"{p}P", $"{p}Lower95", $"{p}Upper95", $"{p}FirstMonthMedian"] : []).ToList();

    internal static string Prefix((string Kind, double? Threshold) k) =>
        BreachKind.Camel(k.Kind) + (k.Threshold is { } t ? $"Ge{BreachThresholds.Number(t)}" : "");

    /// <summary>The estimate for one kind and threshold; null where this row's scenario did not ask about it.</summary>
    public KindEstimate? Estimate(string kind, double? threshold) =>
        MonteCarlo.Kinds.FirstOrDefault(k => k.Kind == kind && k.ThresholdH100e == threshold);

    /// <summary>The values of <see cref="Columns"/>, then of <see cref="KindColumnNames"/>, rounded as summary.json rounds them (4 decimals).</summary>
    public IReadOnlyList<object> Values(IReadOnlyList<(string Kind, double? Threshold)> kinds)
    {
        var mc = MonteCarlo;
        return
        [
            mc.Replications, mc.Deterministic ? "true" : "false", mc.ReplicationsWithBreach, Round(mc.BreachProbability), Round(mc.BreachProbabilityLower95),
            Round(mc.BreachProbabilityUpper95), Month(mc.FirstBreachP5), Month(mc.FirstBreachMedian), Month(mc.FirstBreachP95),
            Round(mc.LargestUnauthorisedClusterMedian), Round(mc.LargestUnauthorisedClusterP95), Round(LargestUnauthorisedMean), Round(mc.SmuggledH100eMean),
            Round(SeizedMean),
            mc.KeptOutMean is { } kept ? Round(kept.DeterredH100e) : "", mc.KeptOutMean is { } k ? Round(k.SubstitutedH100e) : "",
            .. LicensedMeans.Select(m => (object)Round(m)), .. ExemptMeans.Select(m => (object)Round(m)),
            .. kinds.SelectMany(k => Estimate(k.Kind, k.Threshold) is { } e
                ? (IEnumerable<object>)[Round(e.Probability), Round(e.Lower95), Round(e.Upper95), Month(e.FirstMonthMedian)]
                : ["", "", "", ""]),
        ];
    }

    public static double Round(double value) => Math.Round(value, 4, MidpointRounding.AwayFromZero);

    /// <summary>A figure rounded as the CSVs write it; empty where there is none (NaN: a paired interval from one pair).</summary>
    public static object Cell(double value) => double.IsNaN(value) ? "" : Round(value);

    internal static string Month(YearMonth? month) => month?.ToString() ?? "";
}
