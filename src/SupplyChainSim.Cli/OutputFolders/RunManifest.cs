using System.Reflection;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using SupplyChainSim.Model.MonteCarlo;
using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Output;
using SupplyChainSim.ScenarioFiles;

namespace SupplyChainSim.Cli.OutputFolders;

/// <summary>
/// manifest.json: where an output set came from. The command line, the tool's version and the commit it was built
/// from, the .NET and Orleans versions, each input file with its SHA-256, each scenario as resolved (extends and --set
/// applied), the seeds, and every other file of the set with its size and SHA-256. It is written with the set, and
/// nothing of it reaches the other files, which stay byte-identical whatever the machine or commit.
/// </summary>
internal sealed class RunManifest
{
    public const string Tool = "supplychainsim";

    /// <summary>The arguments the command was given, as given (set by Program).</summary>
    public static IReadOnlyList<string> CommandLine { get; set; } = [];

    /// <summary>The git commit the tool was built from (SourceCommit, embedded at build time), or "unknown".</summary>
    public static string Commit { get; } =
        typeof(RunManifest).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "SourceCommit")?.Value is { Length: > 0 } commit
            ? commit : "unknown";

    public static string OrleansVersion { get; } = VersionOf(typeof(IGrainFactory).Assembly);

    /// <summary>
    /// camelCase keys in the records' order, indented, and paths and names as they are (the manifest is read by people
    /// and scripts, never put into a page). Reflection, not a generated context: the resolved scenario is written by its
    /// own settings (<see cref="ScenarioSpecJsonConverter"/>), and the rest is small.
    /// </summary>
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private sealed record Scenario(string Label, ResolvedScenario Resolved, IReadOnlyList<ManifestInput> Inputs);

    private readonly IReadOnlyList<Scenario> scenarios;
    private readonly ulong seed;
    private readonly int replications;

    private RunManifest(IReadOnlyList<Scenario> scenarios, ulong seed, int replications)
    {
        this.scenarios = scenarios;
        this.seed = seed;
        this.replications = replications;
    }

    /// <summary>
    /// The manifest of a run of these scenarios (all on one seed, the first's), with their input files hashed now, as
    /// the run starts, so that the hashes are those of what the run read.
    /// </summary>
    public static RunManifest For(IReadOnlyList<(string Label, ResolvedScenario Scenario)> scenarios, int replications) =>
        new(scenarios.Select(s => new Scenario(s.Label, s.Scenario, InputsOf(s.Scenario))).ToList(), scenarios[0].Scenario.Spec.Seed, replications);

    /// <summary>Every file the scenarios were read from: what an output folder must never hold.</summary>
    public IEnumerable<string> InputFiles =>
        scenarios.SelectMany(s => s.Resolved.Files.Concat(s.Resolved.DataFiles)).Distinct();

    /// <summary>The set with manifest.json added; <paramref name="streamed"/> are the set's files written as the run went (<see cref="OutputSet.Stream"/>).</summary>
    public IReadOnlyDictionary<string, byte[]> AddTo(IReadOnlyDictionary<string, byte[]> files, IReadOnlyList<(string Name, long Bytes, string Sha256)>? streamed = null)
    {
        var outputs = files.Select(f => (Name: f.Key, Bytes: f.Value.LongLength, Sha256: Sha256(f.Value))).Concat(streamed ?? []).ToList();
        var set = new SortedDictionary<string, byte[]>(files.ToDictionary(), StringComparer.Ordinal) { [OutputSet.ManifestName] = Render(outputs) };
        return set;
    }

    private byte[] Render(IReadOnlyList<(string Name, long Bytes, string Sha256)> files)
    {
        var manifest = new ManifestFile(Tool, ResultFiles.ToolVersion, Commit, CommandLine, new(Environment.Version.ToString(), OrleansVersion),
            new(seed, replications, "replication 0 runs on the seed, replication i on xxHash64(seed, \"replication\", i), the same for every scenario",
                [.. Enumerable.Range(0, replications).Select(i => ReplicationSeeds.For(seed, i))]),
            [.. scenarios.Select(Describe)],
            [.. files.OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => new ManifestOutput(f.Name, f.Bytes, f.Sha256))]);
        return [.. JsonSerializer.SerializeToUtf8Bytes(manifest, JsonOptions), (byte)'\n'];
    }

    private static ManifestScenario Describe(Scenario scenario)
    {
        var resolved = scenario.Resolved;
        return new(scenario.Label, Path.GetFullPath(resolved.SourceFile), [.. resolved.Overrides.Select(v => $"{v.Path}={v.ValueText}")],
            resolved.Spec.WorldSeed ?? resolved.Spec.Seed, scenario.Inputs, resolved.Spec);
    }

    /// <summary>The scenario file, the files it extends, and the catalogue and country files, named or built in.</summary>
    private static List<ManifestInput> InputsOf(ResolvedScenario scenario)
    {
        var inputs = scenario.Files.Select((file, i) => Hashed(file, i == 0 ? "scenario" : "extends")).ToList();
        var named = new Queue<string>(scenario.DataFiles);
        inputs.Add(scenario.Spec.CatalogueFile is null ? BuiltIn(ScenarioLoader.BuiltIn.CatalogueName, "catalogue") : Hashed(named.Dequeue(), "catalogue"));
        inputs.Add(scenario.Spec.CountriesFile is null ? BuiltIn(ScenarioLoader.BuiltIn.CountriesName, "countries") : Hashed(named.Dequeue(), "countries"));
        return inputs;
    }

    private static ManifestInput Hashed(string file, string role) => new(Path.GetFullPath(file), role, Sha256(File.ReadAllBytes(file)));

    private static ManifestInput BuiltIn(string name, string role) => new($"built-in:{name}", role, Sha256(ScenarioLoader.BuiltIn.Bytes(name)));

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static string VersionOf(Assembly assembly)
    {
        // Informational versions carry build details after the package version ("10.4.2. Commit Hash: ...", "1.0.0+sha").
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? assembly.GetName().Version?.ToString() ?? "";
        var package = System.Text.RegularExpressions.Regex.Match(version, @"^\d+(\.\d+)*(-[0-9A-Za-z.-]*[0-9A-Za-z])?");
        return package.Success ? package.Value : "unknown";
    }
}
