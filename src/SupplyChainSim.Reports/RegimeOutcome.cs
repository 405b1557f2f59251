using System.Globalization;
using MathNet.Numerics.Statistics;
using SupplyChainSim.Model.Countries;
using SupplyChainSim.Model.MonteCarlo;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Reports;

/// <summary>Licensed H100e delivered by the destination's AI Diffusion Rule tier (1 unrestricted, 2 capped, 3 embargoed).</summary>
public sealed record TierExports(Tpp Tier1, Tpp Tier2, Tpp Tier3)
{
    public static readonly IReadOnlyList<int> Tiers = [1, 2, 3];

    public Tpp this[int tier] => tier switch { 1 => Tier1, 2 => Tier2, 3 => Tier3, _ => throw new ArgumentOutOfRangeException(nameof(tier)) };

    /// <summary>Licensed deliveries of a run, summed by the tier its scenario gives each destination country.</summary>
    public static TierExports LicensedOf(RunResults results, CountryList countries)
    {
        var sums = new Tpp[4];
        foreach (var row in results.Months.SelectMany(m => m.Countries))
            if (countries.Contains(row.Country) && countries[row.Country].Tier is var tier and >= 1 and <= 3) sums[tier] += row.Licensed.Compute;
        return new TierExports(sums[1], sums[2], sums[3]);
    }
}

/// <summary>What one replication of a regime contributes to a comparison or a sweep point.</summary>
public sealed record ReplicationOutcome(ReplicationSummary Summary, TierExports Licensed)
{
    public static ReplicationOutcome Of(int replication, RunResults results, CountryList countries) =>
        new(ReplicationSummary.Of(replication, results), TierExports.LicensedOf(results, countries));
}

/// <summary>
/// A regime's outcome over its replications: a column of compare.html, a row of compare.csv or sweep.csv. The
/// estimates are <see cref="MonteCarloSummary"/>'s, so they equal summary.json's monteCarlo for the same runs.
/// </summary>
public sealed record RegimeOutcome(
    string Label,
    RunInfo Run,
    MonteCarloSummary MonteCarlo,
    double LicensedTier1Mean,
    double LicensedTier2Mean,
    double LicensedTier3Mean)
{
    /// <param name="run">Replication 0's facts: the scenario, its seed, period, regime and agents.</param>
    public static RegimeOutcome Of(string label, RunInfo run, IReadOnlyList<ReplicationOutcome> replications)
    {
        double Mean(int tier) => replications.Select(r => r.Licensed[tier].H100e).Mean();
        return new RegimeOutcome(label, run, MonteCarloSummary.Of(replications.Select(r => r.Summary).ToList()),
            Mean(1), Mean(2), Mean(3));
    }

    public double LicensedMean(int tier) => tier switch { 1 => LicensedTier1Mean, 2 => LicensedTier2Mean, _ => LicensedTier3Mean };

    /// <summary>The columns every outcome row has, after the columns that say which regime it is.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "replications", "replicationsWithBreach", "breachProbability", "breachProbabilityLower95", "breachProbabilityUpper95",
        "firstBreachMonthP5", "firstBreachMonthMedian", "firstBreachMonthP95", "largestUnauthorisedClusterH100eMedian",
        "largestUnauthorisedClusterH100eP95", "smuggledH100eMean", "licensedH100eTier1Mean", "licensedH100eTier2Mean", "licensedH100eTier3Mean",
    ];

    /// <summary>The values of <see cref="Columns"/>, rounded as summary.json rounds them (4 decimals).</summary>
    public IReadOnlyList<object> Values()
    {
        var mc = MonteCarlo;
        return
        [
            mc.Replications, mc.ReplicationsWithBreach, Round(mc.BreachProbability), Round(mc.BreachProbabilityLower95), Round(mc.BreachProbabilityUpper95),
            Month(mc.FirstBreachP5), Month(mc.FirstBreachMedian), Month(mc.FirstBreachP95), Round(mc.LargestUnauthorisedClusterMedian),
            Round(mc.LargestUnauthorisedClusterP95), Round(mc.SmuggledH100eMean), Round(LicensedTier1Mean), Round(LicensedTier2Mean), Round(LicensedTier3Mean),
        ];
    }

    public static double Round(double value) => Math.Round(value, 4, MidpointRounding.AwayFromZero);

    private static string Month(YearMonth? month) => month?.ToString() ?? "";

    internal static string Percent(double value) => (value * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
