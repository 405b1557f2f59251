using System.Globalization;
using System.Numerics;
using MathNet.Numerics.Distributions;
using SupplyChainSim.ScenarioFiles;

namespace SupplyChainSim.Reports.Tests;

/// <summary>
/// compare's paired columns against a recomputation, done here from compare-replications.csv alone. Moved from the
/// CLI's tests, which ran the compare command for it: the columns are the report's, worked out from the replications.
/// </summary>
public class PairedComparisonTests
{
    private static readonly string Scenarios = Path.Combine(Paths.Root, "tests", "SupplyChainSim.Cli.Tests", "Scenarios");

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    /// <summary>A CSV of plain cells (the test scenarios' names and files have no commas or quotes).</summary>
    private static List<Dictionary<string, string>> ReadCsv(byte[] csv)
    {
        var lines = Pages.Text(csv).TrimEnd('\n').Split('\n');
        var header = lines[0].Split(',');
        return lines.Skip(1).Select(l => l.Split(',')).Select(cells =>
        {
            Assert.Equal(header.Length, cells.Length);
            return header.Zip(cells).ToDictionary(p => p.First, p => p.Second);
        }).ToList();
    }

    private static double Number(string cell) => double.Parse(cell, Invariant);

    /// <summary>A figure of compare.csv (rounded to 4 decimals) against the same figure worked out here.</summary>
    private static void Near(double expected, string cell, string what) =>
        Assert.True(Math.Abs(expected - Number(cell)) <= 1.01e-4, $"{what}: worked out {expected.ToString("R", Invariant)}, compare.csv has {cell}");

    /// <summary>The two-sided exact binomial test of the discordant pairs (p = 1/2), in exact integer arithmetic.</summary>
    private static double McNemar(int more, int fewer)
    {
        var m = more + fewer;
        if (m == 0) return 1;
        BigInteger tail = 0, choose = 1;
        for (var k = 0; k <= Math.Min(more, fewer); k++)
        {
            tail += choose;
            choose = choose * (m - k) / (k + 1);
        }
        return Math.Min(1, 2 * (double)tail / Math.Pow(2, m));
    }

    private static (double Lower, double Upper) Wilson(int successes, int n)
    {
        const double z = 1.959963984540054;
        var p = (double)successes / n;
        var centre = (p + z * z / (2 * n)) / (1 + z * z / n);
        var half = z / (1 + z * z / n) * Math.Sqrt(p * (1 - p) / n + z * z / (4.0 * n * n));
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }

    /// <summary>Newcombe's square-and-add interval for a paired difference of proportions (Fagerland et al. 2014, eq. 8).</summary>
    private static (double Lower, double Upper) Newcombe(int n11, int n12, int n21, int n22)
    {
        var n = n11 + n12 + n21 + n22;
        double p1 = (double)(n11 + n12) / n, p2 = (double)(n11 + n21) / n;
        var (l1, u1) = Wilson(n11 + n12, n);
        var (l2, u2) = Wilson(n11 + n21, n);
        var denominator = (double)(n11 + n12) * (n21 + n22) * (n11 + n21) * (n12 + n22);
        var phi = denominator == 0 ? 0 : ((double)n11 * n22 - (double)n12 * n21) / Math.Sqrt(denominator);
        var d = p1 - p2;
        var lower = d - Math.Sqrt(Math.Max(0, Math.Pow(p1 - l1, 2) - 2 * phi * (p1 - l1) * (u2 - p2) + Math.Pow(u2 - p2, 2)));
        var upper = d + Math.Sqrt(Math.Max(0, Math.Pow(u1 - p1, 2) - 2 * phi * (u1 - p1) * (p2 - l2) + Math.Pow(p2 - l2, 2)));
        return (Math.Max(-1, lower), Math.Min(1, upper));
    }

    [Fact]
    public async Task The_paired_columns_equal_a_recomputation_from_compare_replications_csv()
    {
        // Three scenarios as compare runs them: 30 replications each, all on the first one's replication seeds.
        var files = new[] { "customs-weak.json", "customs-strong.json", "customs-none.json" }.Select(f => Path.Combine(Scenarios, f)).ToList();
        var scenarios = files.Select(f => ScenarioLoader.Load(f)).ToList();
        var rows = new List<RegimeOutcome>();
        foreach (var scenario in scenarios)
            rows.Add(Pages.Outcome(scenario.Spec.Name, scenario, await Replications.RunInMemory(scenario, 30, scenarios[0].Spec.Seed)));
        var compare = ReadCsv(ComparisonReport.Csv(rows, files));
        var replications = ReadCsv(ComparisonReport.ReplicationsCsv(rows, files));
        Assert.Equal(["customs-weak", "customs-strong", "customs-none"], compare.Select(r => r["scenario"]));
        Assert.Equal(90, replications.Count);
        // The reference row has no paired figures.
        Assert.All(compare[0].Where(c => c.Key is "pairedWith" or "pairs" || c.Key.Contains("Diff") || c.Key.Contains("McNemar")), c => Assert.Equal("", c.Value));

        var reference = replications.Where(r => r["scenario"] == "customs-weak").ToList();
        // The binary outcomes: any breach; each kind at any excess and at each threshold (a first month given).
        var binary = new List<(string Prefix, Func<Dictionary<string, string>, bool> Reached)> { ("breachProbability", r => int.Parse(r["breachCount"], Invariant) > 0) };
        foreach (var column in replications[0].Keys.Where(k => k.EndsWith("FirstMonth", StringComparison.Ordinal) && k != "firstBreachMonth"))
        {
            var prefix = column[..^"FirstMonth".Length];
            binary.Add((prefix + "P", r => r[column] != ""));
        }
        var discordantSomewhere = 0;
        foreach (var row in compare.Skip(1))
        {
            var scenario = replications.Where(r => r["scenario"] == row["scenario"]).ToList();
            Assert.Equal(reference.Select(r => r["seed"]), scenario.Select(r => r["seed"]));
            Assert.Equal("customs-weak", row["pairedWith"]);
            Assert.Equal("30", row["pairs"]);
            var pairs = reference.Zip(scenario).ToList();
            foreach (var (prefix, reached) in binary)
            {
                var both = pairs.Count(p => reached(p.First) && reached(p.Second));
                var more = pairs.Count(p => !reached(p.First) && reached(p.Second));
                var fewer = pairs.Count(p => reached(p.First) && !reached(p.Second));
                var neither = pairs.Count - both - more - fewer;
                discordantSomewhere += more + fewer;
                var (diff, lower, upper) = prefix == "breachProbability"
                    ? ("breachProbabilityDiff", "breachProbabilityDiffNewcombeLower95", "breachProbabilityDiffNewcombeUpper95")
                    : ($"{prefix}Diff", $"{prefix}DiffNewcombeLower95", $"{prefix}DiffNewcombeUpper95");
                var mcnemar = prefix == "breachProbability" ? "breachMcNemarExactP" : $"{prefix[..^1]}McNemarExactP";
                var what = $"{row["scenario"]} {prefix}";
                Near((double)(more - fewer) / pairs.Count, row[diff], what);
                var (l, u) = Newcombe(both, more, fewer, neither);
                Near(l, row[lower], what + " lower");
                Near(u, row[upper], what + " upper");
                Near(McNemar(more, fewer), row[mcnemar], what + " McNemar");
                if (prefix == "breachProbability")
                {
                    Assert.Equal(more.ToString(Invariant), row["breachDiscordantMore"]);
                    Assert.Equal(fewer.ToString(Invariant), row["breachDiscordantFewer"]);
                }
            }
            foreach (var (column, measure) in new[] { ("smuggledH100e", "smuggledH100eMeanDiff"), ("largestUnauthorisedH100e", "largestUnauthorisedH100eMeanDiff") })
            {
                var differences = pairs.Select(p => Number(p.Second[column]) - Number(p.First[column])).ToList();
                var n = differences.Count;
                var mean = differences.Average();
                var sd = Math.Sqrt(differences.Sum(d => (d - mean) * (d - mean)) / (n - 1));
                Near(mean, row[measure], measure);
                if (sd < 1e-9) continue;
                var t = StudentT.InvCDF(0, 1, n - 1, 0.975);
                Near(mean - t * sd / Math.Sqrt(n), row[measure + "PairedTLower95"], measure + " lower");
                Near(mean + t * sd / Math.Sqrt(n), row[measure + "PairedTUpper95"], measure + " upper");
                Near(2 * (1 - StudentT.CDF(0, 1, n - 1, Math.Abs(mean) / (sd / Math.Sqrt(n)))), row[measure + "PairedTP"], measure + " p");
            }
        }
        // Customs that catch lots make replications differ: the comparison had discordant pairs to judge.
        Assert.True(discordantSomewhere > 0);

        // The scenarios' own columns agree with their replications too.
        foreach (var row in compare)
        {
            var scenario = replications.Where(r => r["scenario"] == row["scenario"]).ToList();
            Near(scenario.Average(r => Number(r["smuggledH100e"])), row["smuggledH100eMean"], "smuggled mean");
            Near(scenario.Average(r => Number(r["largestUnauthorisedH100e"])), row["largestUnauthorisedH100eMean"], "largest excess mean");
            Near(scenario.Average(r => Number(r["seizedH100e"])), row["seizedH100eMean"], "seized mean");
            Near(scenario.Count(r => r["breachCount"] != "0") / 30.0, row["breachProbability"], "breach probability");
            var alike = scenario.Select(r => string.Join(",", r.Where(c => c.Key is not ("scenario" or "file" or "replication" or "seed")).Select(c => c.Value))).Distinct().Count() == 1;
            Assert.Equal(alike ? "true" : "false", row["deterministic"]);
        }
        Assert.Equal(["false", "false", "true"], compare.Select(r => r["deterministic"]));
    }
}
