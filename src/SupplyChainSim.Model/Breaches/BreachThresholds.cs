using System.Globalization;

namespace SupplyChainSim.Model.Breaches;

/// <summary>
/// Concern thresholds: the excesses, in H100e, whose probability an analyst asks for, by breach kind. For each kind
/// and threshold a replication set reports how likely some cluster's excess of that kind reaches it by the end of the
/// run, and the median month it first does.
/// </summary>
public sealed record BreachThresholds(IReadOnlyDictionary<string, IReadOnlyList<double>> ByKind)
{
    public static readonly BreachThresholds Default = From(BreachKind.DefaultThresholdsH100e, new Dictionary<string, IReadOnlyList<double>>());

    /// <summary>A kind's thresholds, ascending (none for a kind the thresholds do not know).</summary>
    public IReadOnlyList<double> For(string kind) => ByKind.TryGetValue(kind, out var thresholds) ? thresholds : [];

    /// <summary>Every kind gets <paramref name="all"/>, except those <paramref name="byKind"/> names.</summary>
    public static BreachThresholds From(IReadOnlyList<double> all, IReadOnlyDictionary<string, IReadOnlyList<double>> byKind) =>
        new(BreachKind.All.ToDictionary(k => k, k => byKind.TryGetValue(k, out var own) ? own : all, StringComparer.Ordinal));

    /// <summary>A threshold as written in column names and labels: 1000, 2.5.</summary>
    public static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
