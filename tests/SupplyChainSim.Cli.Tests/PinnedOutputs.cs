using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Output;

namespace SupplyChainSim.Cli.Tests;

/// <summary>
/// The benchmark world's outputs, pinned in a file a reviewer reads (Golden/benchmark-world.txt): headline figures
/// from summary.json, then the SHA-256 of every output file and of them all, as the benchmark reports it. A change
/// fails with the lines that moved; a deliberate one rewrites the file (SUPPLYCHAINSIM_UPDATE_GOLDEN=1) and its diff
/// shows the reviewer what changed.
/// </summary>
public static class PinnedOutputs
{
    public static string FilePath => Path.Combine(Paths.Root, "tests", "SupplyChainSim.Cli.Tests", "Golden", "benchmark-world.txt");

    /// <summary>The line that pins the hash of every output file together, as the benchmark reports it (outputsSha256).</summary>
    public const string AllOutputs = "sha256 of all outputs (the benchmark's)";

    private const int NameWidth = 40;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The run's outputs as figures and hashes; <paramref name="licences"/> is licences.csv when its decisions were streamed there.</summary>
    public static IReadOnlyList<(string Name, string Value)> Of(RunResults results, string? licences = null)
    {
        var files = ResultFiles.Files(results).Select(f => (f.Name, Bytes: ResultFiles.Bytes(f.Write))).ToList();
        if (licences is not null) files.Add((ResultFiles.LicencesCsv, File.ReadAllBytes(licences)));
        using var summary = JsonDocument.Parse(files.Single(f => f.Name == ResultFiles.Summary).Bytes);
        return
        [
            .. Headline(summary.RootElement),
            .. files.OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => ($"sha256 {f.Name}", Convert.ToHexStringLower(SHA256.HashData(f.Bytes)))),
            (AllOutputs, Benchmark.Hash(results, licences)),
        ];
    }

    /// <summary>What a reader checks first: the world, what went where by which route, the breaches by kind, the largest clusters.</summary>
    private static IEnumerable<(string Name, string Value)> Headline(JsonElement summary)
    {
        static string H100e(JsonElement value) => value.GetDouble().ToString("N3", Invariant);
        static string Flow(JsonElement flow) => $"{flow.GetProperty("chips").GetInt64().ToString("N0", Invariant)} chips, {H100e(flow.GetProperty("h100e"))} H100e";
        static string Text(JsonElement value) => value.ValueKind == JsonValueKind.Null ? "none" : value.ToString();
        yield return ("agents", summary.GetProperty("agents").GetInt32().ToString("N0", Invariant));
        yield return ("months", $"{summary.GetProperty("start")} to {summary.GetProperty("end")} ({summary.GetProperty("months")})");
        var shipped = summary.GetProperty("shipped");
        foreach (var route in new[] { "licensed", "exempt", "smuggled" }) yield return (route, Flow(shipped.GetProperty(route)));
        yield return ("denied", Flow(summary.GetProperty("denied")));
        var detections = summary.GetProperty("detections");
        yield return ("seized", $"{detections.GetProperty("lots")} lots, {detections.GetProperty("chips").GetInt64().ToString("N0", Invariant)} chips, " +
            $"{H100e(detections.GetProperty("h100e"))} H100e; {detections.GetProperty("shellsListed")} shells listed");
        yield return ("licence decisions", string.Join(", ", summary.GetProperty("licenceDecisions").EnumerateObject()
            .Select(o => $"{o.Value.GetInt32().ToString("N0", Invariant)} {o.Name}")));
        yield return ("breaches", $"{summary.GetProperty("breachCount")}, the first in {Text(summary.GetProperty("firstBreachMonth"))}");
        foreach (var kind in summary.GetProperty("byKind").EnumerateObject())
            yield return ($"breaches {kind.Name}", kind.Value.GetProperty("breaches").GetInt32() == 0 ? "none"
                : $"{kind.Value.GetProperty("breaches")}, the first in {kind.Value.GetProperty("firstMonth")}; " +
                  $"largest excess {H100e(kind.Value.GetProperty("largestExcessH100e"))} H100e at {kind.Value.GetProperty("largestAt")}");
        yield return ("largest cluster", $"{H100e(summary.GetProperty("largestClusterH100e"))} H100e at {Text(summary.GetProperty("largestClusterSite"))}");
        var unauthorised = summary.GetProperty("largestUnauthorisedCluster");
        yield return ("largest unauthorised cluster", unauthorised.ValueKind == JsonValueKind.Null ? "none"
            : $"{H100e(unauthorised.GetProperty("excessH100e"))} H100e beyond the rules at {unauthorised.GetProperty("site")} in {unauthorised.GetProperty("month")}");
    }

    /// <summary>The run's outputs are those pinned; else the failure lists each line that moved, pinned and now.</summary>
    public static void AssertPinned(RunResults results, string? licences = null)
    {
        var now = Of(results, licences);
        if (Environment.GetEnvironmentVariable("SUPPLYCHAINSIM_UPDATE_GOLDEN") == "1") File.WriteAllText(FilePath, Render(now));
        var pinned = Pinned();
        var moved = pinned.Select(p => p.Name).Union(now.Select(n => n.Name)).Select(name =>
                (name, Pinned: pinned.FirstOrDefault(p => p.Name == name).Value ?? "(not pinned)", Now: now.FirstOrDefault(n => n.Name == name).Value ?? "(gone)"))
            .Where(line => line.Pinned != line.Now).ToList();
        Assert.True(moved.Count == 0, $"The benchmark world's outputs moved from those pinned in {FilePath} " +
            "(SUPPLYCHAINSIM_UPDATE_GOLDEN=1 rewrites it, for a deliberate change):\n" +
            string.Join("\n", moved.Select(m => $"  {m.name}\n    pinned: {m.Pinned}\n    now:    {m.Now}")));
    }

    /// <summary>The lines of the pinned file, by name.</summary>
    public static IReadOnlyList<(string Name, string Value)> Pinned() => File.ReadAllLines(FilePath).Where(l => l.Length > 0 && !l.StartsWith('#'))
        .Select(l => (Name: l[..NameWidth].TrimEnd(), Value: l[NameWidth..])).ToList();

    private static string Render(IReadOnlyList<(string Name, string Value)> lines) =>
        "# The benchmark world at the size a test affords (BenchmarkWorld: 2,000 data centres, 200 intermediaries, 24 months),\n" +
        "# run on the model's floor: headline figures from summary.json, then the SHA-256 of each output file. Optimisation\n" +
        "# must never change these; a deliberate change of behaviour rewrites this file (SUPPLYCHAINSIM_UPDATE_GOLDEN=1), with\n" +
        "# the reason in the commit.\n" +
        string.Concat(lines.Select(l => l.Name.PadRight(NameWidth) + l.Value + "\n"));
}
