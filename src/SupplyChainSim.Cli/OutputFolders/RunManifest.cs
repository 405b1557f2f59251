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

    private sealed record Input(string File, string Role, string Sha256);

    private sealed record Scenario(string Label, ResolvedScenario Resolved, IReadOnlyList<Input> Inputs);

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
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("tool", Tool);
            json.WriteString("version", ResultFiles.ToolVersion);
            json.WriteString("commit", Commit);
            json.WriteStartArray("commandLine");
            foreach (var arg in CommandLine) json.WriteStringValue(arg);
            json.WriteEndArray();
            json.WriteStartObject("runtime");
            json.WriteString("dotnet", Environment.Version.ToString());
            json.WriteString("orleans", OrleansVersion);
            json.WriteEndObject();

            json.WriteStartObject("seeds");
            json.WriteNumber("seed", seed);
            json.WriteNumber("replications", replications);
            json.WriteString("rule", "replication 0 runs on the seed, replication i on xxHash64(seed, \"replication\", i), the same for every scenario");
            json.WriteStartArray("replicationSeeds");
            for (var i = 0; i < replications; i++) json.WriteNumberValue(ReplicationSeeds.For(seed, i));
            json.WriteEndArray();
            json.WriteEndObject();

            json.WriteStartArray("scenarios");
            foreach (var scenario in scenarios)
            {
                json.WriteStartObject();
                json.WriteString("label", scenario.Label);
                json.WriteString("file", Path.GetFullPath(scenario.Resolved.SourceFile));
                json.WriteStartArray("set");
                foreach (var value in scenario.Resolved.Overrides) json.WriteStringValue($"{value.Path}={value.ValueText}");
                json.WriteEndArray();
                json.WriteNumber("worldSeed", scenario.Resolved.Spec.WorldSeed ?? scenario.Resolved.Spec.Seed);
                json.WriteStartArray("inputs");
                foreach (var input in scenario.Inputs)
                {
                    json.WriteStartObject();
                    json.WriteString("file", input.File);
                    json.WriteString("role", input.Role);
                    json.WriteString("sha256", input.Sha256);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WritePropertyName("resolved");
                JsonSerializer.Serialize(json, scenario.Resolved.Spec, ScenarioJson.Write);
                json.WriteEndObject();
            }
            json.WriteEndArray();

            json.WriteStartArray("outputs");
            foreach (var (name, bytes, sha256) in files.OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                json.WriteStartObject();
                json.WriteString("file", name);
                json.WriteNumber("bytes", bytes);
                json.WriteString("sha256", sha256);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    /// <summary>The scenario file, the files it extends, and the catalogue and country files, named or built in.</summary>
    private static List<Input> InputsOf(ResolvedScenario scenario)
    {
        var inputs = scenario.Files.Select((file, i) => Hashed(file, i == 0 ? "scenario" : "extends")).ToList();
        var named = new Queue<string>(scenario.DataFiles);
        inputs.Add(scenario.Spec.CatalogueFile is null ? BuiltIn(ScenarioLoader.BuiltIn.CatalogueName, "catalogue") : Hashed(named.Dequeue(), "catalogue"));
        inputs.Add(scenario.Spec.CountriesFile is null ? BuiltIn(ScenarioLoader.BuiltIn.CountriesName, "countries") : Hashed(named.Dequeue(), "countries"));
        return inputs;
    }

    private static Input Hashed(string file, string role) => new(Path.GetFullPath(file), role, Sha256(File.ReadAllBytes(file)));

    private static Input BuiltIn(string name, string role) => new($"built-in:{name}", role, Sha256(ScenarioLoader.BuiltIn.Bytes(name)));

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static string VersionOf(Assembly assembly)
    {
        // Informational versions carry build details after the package version ("10.4.2. Commit Hash: ...", "1.0.0+sha").
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? assembly.GetName().Version?.ToString() ?? "";
        var package = System.Text.RegularExpressions.Regex.Match(version, @"^\d+(\.\d+)*(-[0-9A-Za-z.-]*[0-9A-Za-z])?");
        return package.Success ? package.Value : "unknown";
    }
}
