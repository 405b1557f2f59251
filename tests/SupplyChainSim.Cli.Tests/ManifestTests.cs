using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SupplyChainSim.Cli.Tests;

/// <summary>manifest.json: where an output set came from, without changing a byte of the other files.</summary>
public class ManifestTests
{
    private static string Sha256(string file) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)));

    [Fact]
    public async Task The_manifest_records_the_command_versions_inputs_resolved_scenario_seeds_and_outputs_and_the_options_reach_the_files()
    {
        using var temp = new TempFolder();
        var output = temp.File("out");
        string[] args = ["run", "scenarios/baseline-2023.json", "--months", "2", "--seed", "7", "--replications", "3", "--out", output];
        var result = await Cli.RunAsync(args);
        Assert.True(result.ExitCode == 0, result.Error);

        using var manifest = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(output, "manifest.json")));
        using var summary = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(output, "summary.json")));
        var root = manifest.RootElement;
        Assert.Equal("supplychainsim", root.GetProperty("tool").GetString());
        Assert.Equal(summary.RootElement.GetProperty("version").GetString(), root.GetProperty("version").GetString());
        // Built from this repository's git checkout: the commit is a full hash (summary.json's version has none).
        Assert.True(Path.Exists(Path.Combine(Paths.Root, ".git")));
        Assert.Matches("^[0-9a-f]{40}$", root.GetProperty("commit").GetString());
        Assert.DoesNotContain("+", summary.RootElement.GetProperty("version").GetString());
        Assert.Equal(args, root.GetProperty("commandLine").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(Environment.Version.ToString(), root.GetProperty("runtime").GetProperty("dotnet").GetString());
        var orleans = Regex.Match(await File.ReadAllTextAsync(Path.Combine(Paths.Root, "Directory.Packages.props")), "\"Microsoft.Orleans.Server\" Version=\"([^\"]+)\"").Groups[1].Value;
        Assert.Equal(orleans, root.GetProperty("runtime").GetProperty("orleans").GetString());

        // Seeds: the run's, and each replication's, as replications.csv lists them.
        var seeds = root.GetProperty("seeds");
        Assert.Equal(7UL, seeds.GetProperty("seed").GetUInt64());
        Assert.Equal(3, seeds.GetProperty("replications").GetInt32());
        var csvSeeds = (await File.ReadAllLinesAsync(Path.Combine(output, "replications.csv"))).Skip(1).Select(l => ulong.Parse(l.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(csvSeeds, seeds.GetProperty("replicationSeeds").EnumerateArray().Select(s => s.GetUInt64()));

        // Every input with its hash: the scenario, the world it extends, and the built-in data as shipped.
        var scenario = Assert.Single(root.GetProperty("scenarios").EnumerateArray());
        Assert.Equal("baseline-2023", scenario.GetProperty("label").GetString());
        var data = Path.Combine(Paths.Root, "src", "SupplyChainSim.Model", "Data");
        var expected = new[]
        {
            (Paths.Scenario("baseline-2023.json"), "scenario", Sha256(Paths.Scenario("baseline-2023.json"))),
            (Paths.Scenario("world/world.json"), "extends", Sha256(Paths.Scenario("world/world.json"))),
            ("built-in:chips.json", "catalogue", Sha256(Path.Combine(data, "chips.json"))),
            ("built-in:countries.json", "countries", Sha256(Path.Combine(data, "countries.json"))),
        };
        Assert.Equal(expected, scenario.GetProperty("inputs").EnumerateArray()
            .Select(i => (i.GetProperty("file").GetString()!, i.GetProperty("role").GetString()!, i.GetProperty("sha256").GetString()!)));

        // --seed and --months replace the scenario's values in the run's own files.
        var summaryText = await File.ReadAllTextAsync(Path.Combine(output, "summary.json"));
        Assert.Contains("\"seed\": 7,", summaryText);
        Assert.Contains("\"months\": 2,", summaryText);
        Assert.Contains("\"end\": \"2023-11\",", summaryText);

        // The scenario as run: the world's keys merged in, --seed and --months applied.
        var resolved = scenario.GetProperty("resolved");
        Assert.Equal(2, resolved.GetProperty("months").GetInt32());
        Assert.Equal(7UL, resolved.GetProperty("seed").GetUInt64());
        Assert.Equal(2025UL, scenario.GetProperty("worldSeed").GetUInt64());
        Assert.True(resolved.GetProperty("dataCentres").GetProperty("sites").GetArrayLength() > 0, "the data centres come from the extended world file");

        // Every other file of the set, with its size and hash.
        var outputs = root.GetProperty("outputs").EnumerateArray().ToList();
        Assert.Equal(Directory.GetFiles(output).Select(Path.GetFileName).Where(n => n != "manifest.json").Order(StringComparer.Ordinal),
            outputs.Select(o => o.GetProperty("file").GetString()));
        foreach (var file in outputs)
        {
            var path = Path.Combine(output, file.GetProperty("file").GetString()!);
            Assert.Equal(new FileInfo(path).Length, file.GetProperty("bytes").GetInt64());
            Assert.Equal(Sha256(path), file.GetProperty("sha256").GetString());
        }
    }

    [Fact]
    public async Task Every_file_but_the_manifest_is_the_same_bytes_whatever_the_command_line()
    {
        using var temp = new TempFolder();
        var a = await Cli.RunAsync("run", "scenarios/piecemeal-2025.json", "--months", "4", "--out", temp.File("a"));
        var b = await Cli.RunAsync(new Cli.Options(temp.Path), "run", Paths.Scenario("piecemeal-2025.json"), "--out", "b", "--months", "4");
        Assert.True(a.ExitCode == 0, a.Error);
        Assert.True(b.ExitCode == 0, b.Error);

        var first = Folder.Read(temp.File("a"));
        var second = Folder.Read(temp.File("b"));
        Assert.Equal(first.Keys, second.Keys);
        Assert.NotEqual(first["manifest.json"], second["manifest.json"]);
        foreach (var name in first.Keys.Where(n => n != "manifest.json")) Assert.True(first[name].AsSpan().SequenceEqual(second[name]), $"{name} differs");
    }
}
