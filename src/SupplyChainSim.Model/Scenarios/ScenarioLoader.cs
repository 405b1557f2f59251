using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SupplyChainSim.Model.Chips;
using SupplyChainSim.Model.Countries;

namespace SupplyChainSim.Model.Scenarios;

/// <summary>Reads a scenario file and the catalogue and country files it names, and checks them.</summary>
public static partial class ScenarioLoader
{
    /// <summary>Scenario files are hand-written: anything larger than this is a mistake, not a scenario.</summary>
    public const long MaxFileBytes = 16 * 1024 * 1024;

    /// <summary>Loads and validates; throws <see cref="ScenarioException"/> naming every problem found.</summary>
    public static ResolvedScenario Load(string path) => Load(path, []);

    /// <summary>
    /// Loads with values set from outside the file laid over the merged extends chain, then validates the result;
    /// errors in a value set from outside are reported at its <see cref="ScenarioOverride.Source"/>.
    /// </summary>
    public static ResolvedScenario Load(string path, IReadOnlyList<ScenarioOverride> overrides)
    {
        var files = new List<string>();
        try
        {
            return Load(path, files, overrides);
        }
        catch (ScenarioException e)
        {
            throw new ScenarioException(Place(e.Errors, files, overrides));
        }
    }

    private static ResolvedScenario Load(string path, List<string> files, IReadOnlyList<ScenarioOverride> overrides)
    {
        var spec = ReadScenario(path, files, overrides);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;

        var dataFiles = new List<string>();
        var catalogue = spec.CatalogueFile is { } catalogueFile
            ? ReadJsonFile<CatalogueFile>(DataFile(directory, catalogueFile, dataFiles)).ToCatalogue()
            : BuiltIn.Catalogue;
        var countryFile = spec.CountriesFile is { } countriesFile
            ? ReadJsonFile<CountryFile>(DataFile(directory, countriesFile, dataFiles)).ToList()
            : BuiltIn.Countries;
        var countries = Merge(countryFile, spec.Countries);

        var resolved = new ResolvedScenario(spec, catalogue, countries, path) { Files = files, DataFiles = dataFiles, Overrides = overrides };
        var errors = ScenarioValidator.Validate(resolved);
        if (errors.Any(e => !e.IsWarning)) throw new ScenarioException(errors);
        return resolved with { Warnings = Place(errors, files, overrides) };
    }

    private static string DataFile(string directory, string name, List<string> dataFiles)
    {
        var path = Path.Combine(directory, name);
        dataFiles.Add(path);
        return path;
    }

    /// <summary>Loads a scenario from text, as if it were the file <paramref name="name"/> (for tests and tools).</summary>
    public static ResolvedScenario Parse(string json, string name = "scenario.json")
    {
        if (string.IsNullOrWhiteSpace(json)) throw Fail(name, "is empty; expected a JSON object");
        var node = ParseNode(json, name);
        var unknown = UnknownKeys.Find(node).Select(u => new ScenarioError(name, null, null, u.Path, u.Message)).ToList();
        if (unknown.Count > 0) throw new ScenarioException(Place(unknown, json, name));
        var spec = Deserialize<ScenarioSpec>(json, name);
        var resolved = new ResolvedScenario(spec, BuiltIn.Catalogue, Merge(BuiltIn.Countries, spec.Countries), name);
        var errors = ScenarioValidator.Validate(resolved);
        if (errors.Any(e => !e.IsWarning)) throw new ScenarioException(Place(errors, json, name));
        return resolved with { Warnings = Place(errors, json, name) };
    }

    private static CountryList Merge(CountryList list, IReadOnlyList<CountrySpec> overrides)
    {
        if (overrides.Count == 0) return list;
        var byCode = list.Countries.ToDictionary(c => c.Code, StringComparer.Ordinal);
        foreach (var country in overrides) byCode[country.Code] = country;
        return new CountryList { Countries = byCode.Values.OrderBy(c => c.Code, StringComparer.Ordinal).ToList() };
    }

    /// <summary>Files a scenario may name: resolved against the folder of the file that names them.</summary>
    private static readonly string[] FileKeys = ["catalogueFile", "countriesFile"];

    /// <summary>
    /// Reads a scenario; one that says "extends": "other.json" is that file with this one's keys laid over it
    /// (objects merge key by key; arrays and values replace), so that scenarios share one world.
    /// </summary>
    private static ScenarioSpec ReadScenario(string path, List<string> files, IReadOnlyList<ScenarioOverride> overrides)
    {
        var text = ReadText(path);
        files.Add(path);
        var node = ParseNode(text, path);
        CheckKeys(node, path);
        if (node["extends"] is null && overrides.Count == 0) return Deserialize<ScenarioSpec>(text, path);
        var merged = Resolve(node, path, [Path.GetFullPath(path)], files);
        foreach (var value in overrides) value.ApplyTo(merged);
        if (overrides.Count > 0) CheckKeys(merged, path);
        try
        {
            return merged.Deserialize<ScenarioSpec>(ScenarioJson.Read) ?? throw Fail(path, "is null; expected a JSON object");
        }
        catch (JsonException e)
        {
            // Positions are lost in the merge: name the key's path and both files.
            throw new ScenarioException(new ScenarioError(path, null, null, e.Path ?? "$", Explain(e)));
        }
    }

    private static JsonObject Resolve(JsonObject node, string path, List<string> chain, List<string> files)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        foreach (var key in FileKeys)
            if (node[key] is JsonValue value && value.TryGetValue<string>(out var relative)) node[key] = Path.Combine(directory, relative);
        if (node["extends"] is not { } extends) return node;
        if (extends.GetValueKind() != JsonValueKind.String) throw new ScenarioException(new ScenarioError(path, null, null, "$.extends", "expected a file name as a string"));
        var basePath = Path.GetFullPath(Path.Combine(directory, extends.GetValue<string>()));
        if (chain.Contains(basePath))
            throw new ScenarioException(new ScenarioError(path, null, null, "$.extends", $"\"{extends.GetValue<string>()}\" extends itself through {string.Join(" -> ", chain.Select(Path.GetFileName))}"));
        if (chain.Count > 8) throw new ScenarioException(new ScenarioError(path, null, null, "$.extends", "more than 8 files extend one another"));
        files.Add(basePath);
        var parsed = ParseNode(ReadText(basePath), basePath);
        CheckKeys(parsed, basePath);
        var baseNode = Resolve(parsed, basePath, [.. chain, basePath], files);
        node.Remove("extends");
        return Merge(baseNode, node);
    }

    /// <summary>
    /// Gives errors without a position the line and column of their JSON path: in the first file of the extends chain
    /// that has the path itself, or else at its nearest ancestor in the scenario file.
    /// </summary>
    /// <summary>Places errors found after loading (building the world) in the scenario's files.</summary>
    public static ScenarioException Locate(ScenarioException exception, ResolvedScenario scenario) =>
        new(Place(exception.Errors, scenario.Files, scenario.Overrides));

    private static List<ScenarioError> Place(IReadOnlyList<ScenarioError> errors, string json, string name)
    {
        var positions = JsonPositions.Of(json);
        return errors.Select(e => positions.Find(e.JsonPath) is { } at ? e with { File = name, Line = at.Line, Column = at.Column } : e).ToList();
    }

    private static List<ScenarioError> Place(IReadOnlyList<ScenarioError> errors, IReadOnlyList<string> files, IReadOnlyList<ScenarioOverride> overrides)
    {
        var positions = new Dictionary<string, JsonPositions>();
        JsonPositions? PositionsOf(string file)
        {
            if (positions.TryGetValue(file, out var known)) return known;
            try
            {
                return positions[file] = JsonPositions.Of(File.ReadAllText(file));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return null;
            }
        }
        return errors.Select(error =>
        {
            if (overrides.LastOrDefault(o => o.Covers(error.JsonPath)) is { } set) return error with { File = set.ToString(), Line = null, Column = null };
            if (error.Line is not null || files.Count == 0) return error;
            var owner = files.FirstOrDefault(f => PositionsOf(f)?.Has(error.JsonPath) == true) ?? files[0];
            return PositionsOf(owner)?.Find(error.JsonPath) is { } at ? error with { File = owner, Line = at.Line, Column = at.Column } : error;
        }).ToList();
    }

    private static JsonObject Merge(JsonObject under, JsonObject over)
    {
        foreach (var (key, value) in over.ToList())
        {
            over.Remove(key);
            under[key] = value is JsonObject overObject && under[key] is JsonObject underObject ? Merge(underObject, overObject) : value;
        }
        return under;
    }

    /// <summary>Every unknown key of one file, each with a did-you-mean, before anything is read.</summary>
    private static void CheckKeys(JsonObject node, string file)
    {
        var unknown = UnknownKeys.Find(node).Select(u => new ScenarioError(file, null, null, u.Path, u.Message)).ToList();
        if (unknown.Count > 0) throw new ScenarioException(unknown);
    }

    private static JsonObject ParseNode(string text, string file)
    {
        try
        {
            return JsonNode.Parse(text, null, new JsonDocumentOptions
                {
                    CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, AllowDuplicateProperties = false, MaxDepth = 64,
                }) as JsonObject
                ?? throw Fail(file, "expected a JSON object");
        }
        catch (JsonException e)
        {
            throw new ScenarioException(new ScenarioError(file, (int?)e.LineNumber + 1, (int?)e.BytePositionInLine + 1, e.Path ?? "$", Explain(e)));
        }
    }

    internal static T ReadJsonFile<T>(string path) => Deserialize<T>(ReadText(path), path);

    private static string ReadText(string path)
    {
        if (Directory.Exists(path)) throw Fail(path, "is a directory; expected a JSON file");
        if (!File.Exists(path)) throw Fail(path, "file not found");
        var length = new FileInfo(path).Length;
        if (length > MaxFileBytes) throw Fail(path, $"is {length:N0} bytes; a scenario file is at most {MaxFileBytes:N0} bytes");
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Fail(path, $"cannot be read: {e.Message}");
        }
        if (string.IsNullOrWhiteSpace(text)) throw Fail(path, "is empty; expected a JSON object");
        if (text.Contains('\0')) throw Fail(path, "is binary, not JSON text");
        return text;
    }

    internal static T Deserialize<T>(string json, string file)
    {
        if (string.IsNullOrWhiteSpace(json)) throw Fail(file, "is empty; expected a JSON object");
        if (json.Contains('\0')) throw Fail(file, "is binary, not JSON text");
        try
        {
            return JsonSerializer.Deserialize<T>(json, ScenarioJson.Read) ?? throw Fail(file, "is null; expected a JSON object");
        }
        catch (JsonException e)
        {
            // Text that parses but does not fit the types: point at the key of the offending value, as every other
            // error does (the reader's own position is the end of the token, or the closing brace of an object
            // missing a key).
            var path = e.Path ?? "$";
            var at = JsonPositions.Of(json).Find(path);
            throw new ScenarioException(new ScenarioError(
                file, at?.Line ?? (int?)e.LineNumber + 1, at?.Column ?? (int?)e.BytePositionInLine + 1, path, Explain(e)));
        }
    }

    private static ScenarioException Fail(string file, string message) => new(new ScenarioError(file, null, null, "$", message));

    /// <summary>Turns System.Text.Json's messages into what an analyst needs: what was expected, what was found.</summary>
    private static string Explain(JsonException e)
    {
        var message = PathSuffix().Replace(e.Message, "");
        if (UnknownKey().Match(message) is { Success: true } unknown) return $"unknown key \"{unknown.Groups[1].Value}\"";
        if (DuplicateKey().Match(message) is { Success: true } duplicate) return $"the key \"{duplicate.Groups[1].Value}\" appears twice; expected each key once";
        if (MissingRequired().Match(message) is { Success: true } missing)
            return $"missing required key{(missing.Groups[1].Value.Contains(',') ? "s" : "")} {missing.Groups[1].Value.Replace('\'', '"')}";
        if (NotConvertible().Match(message) is { Success: true } convert) return $"expected {Friendly(convert.Groups[1].Value)}";
        if (e.InnerException is FormatException or OverflowException || message.StartsWith("'", StringComparison.Ordinal))
            return $"not valid JSON here: {message.TrimEnd('.')}";
        return message.TrimEnd('.');
    }

    private static string Friendly(string typeName) => typeName switch
    {
        var t when t.StartsWith("System.Int", StringComparison.Ordinal) || t.StartsWith("System.UInt", StringComparison.Ordinal) =>
            "a whole number",
        "System.Double" => "a number",
        "System.String" => "a string",
        "System.Boolean" => "true or false",
        var t when t.Contains("IReadOnlyList", StringComparison.Ordinal) => "an array",
        var t when t.Contains("IReadOnlyDictionary", StringComparison.Ordinal) => "an object of names to numbers",
        var t => $"an object ({t[(t.LastIndexOf('.') + 1)..]})",
    };

    [GeneratedRegex(@"\s*Path: .*$", RegexOptions.Singleline)]
    private static partial Regex PathSuffix();

    [GeneratedRegex(@"The JSON property '(.+?)' could not be mapped")]
    private static partial Regex UnknownKey();

    [GeneratedRegex(@"[Dd]uplicate property '(.+?)'")]
    private static partial Regex DuplicateKey();

    [GeneratedRegex(@"missing required properties including: (.+?)\.?$")]
    private static partial Regex MissingRequired();

    [GeneratedRegex(@"could not be converted to (.+)\.$")]
    private static partial Regex NotConvertible();

    private sealed record CatalogueFile
    {
        public int FormatVersion { get; init; } = 1;

        public IReadOnlyDictionary<string, string> Sources { get; init; } = new Dictionary<string, string>();

        public required IReadOnlyList<ChipSpec> Chips { get; init; }

        public ChipCatalogue ToCatalogue() => new() { Chips = Chips };
    }

    private sealed record CountryFile
    {
        public string Description { get; init; } = "";

        public IReadOnlyList<string> Sources { get; init; } = [];

        public required IReadOnlyList<CountrySpec> Countries { get; init; }

        public CountryList ToList() => new() { Countries = Countries.OrderBy(c => c.Code, StringComparer.Ordinal).ToList() };
    }

    /// <summary>The catalogue and country list shipped inside the model (src/SupplyChainSim.Model/Data).</summary>
    public static class BuiltIn
    {
        private static readonly Lazy<ChipCatalogue> catalogue = new(() => ReadResource<CatalogueFile>(CatalogueName).ToCatalogue());
        private static readonly Lazy<CountryList> countries = new(() => ReadResource<CountryFile>(CountriesName).ToList());

        public static ChipCatalogue Catalogue => catalogue.Value;

        public static CountryList Countries => countries.Value;

        public const string CatalogueName = "chips.json";
        public const string CountriesName = "countries.json";

        /// <summary>A built-in data file's bytes, as embedded (for provenance: its hash is that of the file in the repository).</summary>
        public static byte[] Bytes(string name)
        {
            using var stream = Resource(name);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }

        private static Stream Resource(string name) =>
            Assembly.GetExecutingAssembly().GetManifestResourceStream("SupplyChainSim.Model.Data." + name)
            ?? throw new InvalidOperationException($"built-in data file {name} is missing from the model assembly");

        private static T ReadResource<T>(string name)
        {
            using var stream = Resource(name);
            using var reader = new StreamReader(stream);
            return Deserialize<T>(reader.ReadToEnd(), "built-in " + name);
        }
    }
}
