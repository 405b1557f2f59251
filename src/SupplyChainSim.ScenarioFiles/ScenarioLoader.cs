using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SupplyChainSim.Model.Chips;
using SupplyChainSim.Model.Countries;
using SupplyChainSim.Model.Scenarios;

namespace SupplyChainSim.ScenarioFiles;

/// <summary>
/// Reads a scenario file and the catalogue and country files it names, and checks them: every problem that can be
/// found in files that parse is reported in one pass (unknown keys, wrong types, ranges, references), each at its place.
/// </summary>
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
        // The values set so far, each with its named items numbered, so that an error at either form of its path is placed at it.
        var applied = new List<ScenarioOverride>();
        try
        {
            return Load(path, files, overrides, applied);
        }
        catch (ScenarioException e)
        {
            throw new ScenarioException(InFileOrder(Place(e.Errors, files, [.. applied, .. overrides.Skip(applied.Count)]), files));
        }
    }

    private static ResolvedScenario Load(string path, List<string> files, IReadOnlyList<ScenarioOverride> overrides, List<ScenarioOverride> applied)
    {
        var errors = new List<ScenarioError>();
        var merged = ReadScenario(path, files, overrides, applied, errors);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var (spec, check) = Read<ScenarioSpec>(merged, path, errors);

        var dataFiles = new List<string>();
        var catalogue = spec.CatalogueFile is { } catalogueFile
            ? ReadDataFile<CatalogueFile>(path, directory, "$.catalogueFile", catalogueFile, errors, dataFiles)?.ToCatalogue()
            : BuiltIn.Catalogue;
        var countryFile = spec.CountriesFile is { } countriesFile
            ? ReadDataFile<CountryFile>(path, directory, "$.countriesFile", countriesFile, errors, dataFiles)?.ToList()
            : BuiltIn.Countries;
        // A data file that cannot be read at all leaves nothing to check references against: those checks wait.
        var unread = (string at) => check.IsUnread(at) || (at == "$.catalogueFile" && catalogue is null) || (at == "$.countriesFile" && countryFile is null);
        var resolved = new ResolvedScenario(spec, catalogue ?? new ChipCatalogue { Chips = [] },
            Merge(countryFile ?? new CountryList { Countries = [] }, spec.Countries), path)
        {
            Files = files, DataFiles = dataFiles, Uncertain = check.Uncertain, Template = new ScenarioTemplate(merged, countryFile, applied),
            CalibrationTargets = BuiltIn.Targets,
        };
        errors.AddRange(ScenarioValidator.Validate(resolved, unread));
        if (errors.Any(e => !e.IsWarning)) throw new ScenarioException(errors);
        // The file's own seed draws the uncertain inputs of the run it describes (replication 0).
        return resolved.Realise(spec.Seed) with { Warnings = InFileOrder(Place(errors, files, applied), files) };
    }

    /// <summary>A country list with a scenario's own countries laid over it, by code.</summary>
    internal static CountryList MergeCountries(CountryList list, IReadOnlyList<CountrySpec> overrides) => Merge(list, overrides);

    /// <summary>Loads a scenario from text, as if it were the file <paramref name="name"/> (for tests and tools).</summary>
    public static ResolvedScenario Parse(string json, string name = "scenario.json")
    {
        if (string.IsNullOrWhiteSpace(json)) throw Fail(name, "is empty; expected a JSON object");
        if (json.Contains('\0')) throw Fail(name, "is binary, not JSON text");
        var node = ParseNode(json, name);
        var errors = new List<ScenarioError>();
        try
        {
            errors.AddRange(TppInH100e.Convert(node).Select(p => new ScenarioError(name, null, null, p.Path, p.Message)));
            var (spec, check) = Read<ScenarioSpec>(node, name, errors);
            var resolved = new ResolvedScenario(spec, BuiltIn.Catalogue, Merge(BuiltIn.Countries, spec.Countries), name)
            {
                Uncertain = check.Uncertain, Template = new ScenarioTemplate(node, BuiltIn.Countries, []), CalibrationTargets = BuiltIn.Targets,
            };
            errors.AddRange(ScenarioValidator.Validate(resolved, check.IsUnread));
            if (errors.Any(e => !e.IsWarning)) throw new ScenarioException(errors);
            return resolved.Realise(spec.Seed) with { Warnings = InFileOrder(Place(errors, json, name), [name]) };
        }
        catch (ScenarioException e)
        {
            throw new ScenarioException(InFileOrder(Place(e.Errors, json, name), [name]));
        }
    }

    /// <summary>
    /// The country list with the scenario's own countries laid over it by code. Duplicate codes are errors the
    /// validator reports; here the first of a list and the last override win, so that checking can go on.
    /// </summary>
    private static CountryList Merge(CountryList list, IReadOnlyList<CountrySpec> overrides)
    {
        if (overrides.Count == 0) return list;
        var byCode = new Dictionary<string, CountrySpec>(StringComparer.Ordinal);
        foreach (var country in list.Countries) byCode.TryAdd(country.Code, country);
        foreach (var country in overrides) byCode[country.Code] = country;
        return new CountryList { Countries = byCode.Values.OrderBy(c => c.Code, StringComparer.Ordinal).ToList() };
    }

    /// <summary>Files a scenario may name: resolved against the folder of the file that names them.</summary>
    private static readonly string[] FileKeys = ["catalogueFile", "countriesFile"];

    /// <summary>
    /// Reads a scenario; one that says "extends": "other.json" is that file with this one's keys laid over it
    /// (objects merge key by key; arrays and values replace), so that scenarios share one world. Values set from
    /// outside are laid over the result. TPP settings given in H100e are converted in each file, and in the result.
    /// What is returned has not been checked against the schema yet.
    /// </summary>
    private static JsonObject ReadScenario(string path, List<string> files, IReadOnlyList<ScenarioOverride> overrides,
        List<ScenarioOverride> applied, List<ScenarioError> errors)
    {
        var text = ReadText(path);
        files.Add(path);
        var merged = Resolve(ParseNode(text, path), text, path, [Path.GetFullPath(path)], files, errors);
        foreach (var value in overrides) applied.Add(value.ApplyTo(merged));
        errors.AddRange(TppInH100e.Convert(merged).Select(p => new ScenarioError(path, null, null, p.Path, p.Message)));
        return merged;
    }

    private static JsonObject Resolve(JsonObject node, string text, string path, List<string> chain, List<string> files, List<ScenarioError> errors)
    {
        // A file's own H100e settings become TPP before it is merged, so that a file's setting in either unit replaces its base's.
        var converted = TppInH100e.Convert(node);
        if (converted.Count > 0)
            errors.AddRange(Place(converted.Select(p => new ScenarioError(path, null, null, p.Path, p.Message)).ToList(), text, path));
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        foreach (var key in FileKeys)
            if (node[key] is JsonValue value && value.TryGetValue<string>(out var relative) && !relative.Contains('\0'))
                node[key] = Path.Combine(directory, relative);
        if (node["extends"] is not { } extends) return node;
        ScenarioException AtExtends(string message) => new(new ScenarioError(path, null, null, "$.extends", message));
        if (extends.GetValueKind() != JsonValueKind.String) throw AtExtends($"expected a file name as a string, found {SchemaCheck.Found(extends)}");
        var name = extends.GetValue<string>();
        if (name.Contains('\0')) throw AtExtends($"expected a file name, found one with a NUL character: \"{Printable(name)}\"");
        var basePath = Path.GetFullPath(Path.Combine(directory, name));
        if (chain.Contains(basePath))
            throw AtExtends($"\"{name}\" extends itself through {string.Join(" -> ", chain.Select(Path.GetFileName))}");
        if (chain.Count > 8) throw AtExtends("more than 8 files extend one another");
        string baseText;
        try
        {
            baseText = ReadText(basePath);
        }
        catch (ScenarioException e)
        {
            throw AtExtends($"cannot read {basePath}: {e.Errors[0].Message}");
        }
        files.Add(basePath);
        var baseNode = Resolve(ParseNode(baseText, basePath), baseText, basePath, [.. chain, basePath], files, errors);
        node.Remove("extends");
        return Merge(baseNode, node);
    }

    /// <summary>
    /// Checks a file's JSON against the schema of <typeparamref name="T"/> and reads what can be read: values that
    /// cannot are replaced by stand-ins (the check says which), so the caller can check the rest.
    /// </summary>
    private static (T Value, SchemaCheck Check) Read<T>(JsonObject node, string file, List<ScenarioError> errors)
    {
        var check = SchemaCheck.Run(node, ScenarioSchema.For(typeof(T)));
        errors.AddRange(check.Problems.Select(p => new ScenarioError(file, null, null, p.Path, p.Message)));
        try
        {
            return (node.Deserialize<T>(ScenarioJson.Read) ?? throw Fail(file, "is null; expected a JSON object"), check);
        }
        catch (JsonException e)
        {
            // Whatever the schema check let through and the types still refuse.
            errors.Add(new ScenarioError(file, null, null, e.Path ?? "$", Explain(e)));
            throw new ScenarioException(errors);
        }
    }

    /// <summary>
    /// Reads a catalogue or country file a scenario names, checks it as rigorously as a scenario and adds its
    /// problems, placed in it, to <paramref name="errors"/>. Null when it cannot be read or parsed at all; a problem
    /// with the name itself is reported at the key that gives it.
    /// </summary>
    /// <param name="dataFiles">Where the file's path is recorded (for provenance), once it is known to be a path.</param>
    private static T? ReadDataFile<T>(string scenario, string directory, string key, string name, List<ScenarioError> errors, List<string> dataFiles)
        where T : class, IDataFile
    {
        if (name.Contains('\0'))
        {
            errors.Add(new ScenarioError(scenario, null, null, key, $"expected a file name, found one with a NUL character: \"{Printable(name)}\""));
            return null;
        }
        var file = Path.Combine(directory, name);
        dataFiles.Add(file);
        string text;
        try
        {
            text = ReadText(file);
        }
        catch (ScenarioException e)
        {
            errors.Add(new ScenarioError(scenario, null, null, key, $"cannot read {file}: {e.Errors[0].Message}"));
            return null;
        }
        var own = new List<ScenarioError>();
        try
        {
            var (data, check) = Read<T>(ParseNode(text, file), file, own);
            own.AddRange(data.Validate(check).Select(p => new ScenarioError(file, null, null, p.Path, p.Message, p.IsWarning)));
            return data;
        }
        catch (ScenarioException e)
        {
            own = [.. e.Errors.Union(own)];
            return null;
        }
        finally
        {
            errors.AddRange(Place(own, text, file));
        }
    }

    /// <summary>Places errors found after loading (building the world) in the scenario's files.</summary>
    public static ScenarioException Locate(ScenarioException exception, ResolvedScenario scenario) =>
        new(InFileOrder(Place(exception.Errors, scenario.Files, scenario.Overrides), scenario.Files));

    /// <summary>Every error of one file, by line and column; errors of the scenario's files first, in their order.</summary>
    private static List<ScenarioError> InFileOrder(IReadOnlyList<ScenarioError> errors, IReadOnlyList<string> files)
    {
        var order = files.Concat(errors.Select(e => e.File)).Distinct().ToList();
        return errors.Select((error, index) => (error, index))
            .OrderBy(e => order.IndexOf(e.error.File)).ThenBy(e => e.error.Line ?? 0).ThenBy(e => e.error.Column ?? 0).ThenBy(e => e.index)
            .Select(e => e.error).Distinct().ToList();
    }

    private static List<ScenarioError> Place(IReadOnlyList<ScenarioError> errors, string json, string name)
    {
        var positions = JsonPositions.Of(json);
        return errors.Select(e => e.File == name && e.Line is null && positions.Find(e.JsonPath) is { } at ? e with { Line = at.Line, Column = at.Column } : e).ToList();
    }

    /// <summary>
    /// Gives errors without a position the line and column of their JSON path: in the first file of the extends chain
    /// that has the path itself, or else at its nearest ancestor in the scenario file.
    /// </summary>
    private static List<ScenarioError> Place(IReadOnlyList<ScenarioError> errors, IReadOnlyList<string> files, IReadOnlyList<ScenarioOverride> overrides)
    {
        var positions = new Dictionary<string, JsonPositions?>();
        JsonPositions? PositionsOf(string file)
        {
            if (positions.TryGetValue(file, out var known)) return known;
            try
            {
                return positions[file] = JsonPositions.Of(ReadText(file));
            }
            catch (ScenarioException)
            {
                return positions[file] = null;
            }
        }
        return errors.Select(error =>
        {
            // A data file's errors are its own, whatever the path; the scenario's may come from a value set from outside.
            if (overrides.LastOrDefault(o => o.Covers(error.JsonPath)) is { } set && (files.Contains(error.File) || error.File == set.Source))
                return error with { File = set.ToString(), Line = null, Column = null };
            if (error.Line is not null || files.Count == 0 || !files.Contains(error.File)) return error;
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

    private static JsonObject ParseNode(string text, string file)
    {
        // Keys given twice and strings that are no text, all at once and each at its place (the reader would stop at the
        // first duplicate without saying where, and pass a lone surrogate on to crash whatever reads it).
        if (JsonPositions.Of(text).Problems is { Count: > 0 } problems)
            throw new ScenarioException(problems.Select(p => new ScenarioError(file, p.Line, p.Column, p.Path, p.Message)).ToList());
        try
        {
            return JsonNode.Parse(JsonComments.Blank(text), null, new JsonDocumentOptions
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

    /// <summary>
    /// A file's text. Only a regular file (after following links) is opened: a FIFO would block for ever, a device
    /// never end. At most <see cref="MaxFileBytes"/> are read whatever length the file reports.
    /// </summary>
    private static string ReadText(string path)
    {
        if (path.Contains('\0')) throw Fail(Printable(path), "expected a file name, found one with a NUL character");
        if (Directory.Exists(path)) throw Fail(path, "is a directory; expected a JSON file");
        if (!File.Exists(path)) throw Fail(path, "file not found");
        if (RegularFile.NotRegular(path) is { } kind) throw Fail(path, $"is {kind}, not a regular file; expected a JSON file");
        var length = new FileInfo(path).Length;
        if (length > MaxFileBytes) throw Fail(path, $"is {length:N0} bytes; a scenario file is at most {MaxFileBytes:N0} bytes");
        using var bytes = new MemoryStream();
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            var chunk = new byte[81_920];
            for (int n; bytes.Length <= MaxFileBytes && (n = stream.Read(chunk, 0, chunk.Length)) > 0;) bytes.Write(chunk, 0, n);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Fail(path, $"cannot be read: {e.Message}");
        }
        if (bytes.Length > MaxFileBytes) throw Fail(path, $"is more than {MaxFileBytes:N0} bytes; a scenario file is at most {MaxFileBytes:N0} bytes");
        bytes.Position = 0;
        // Strictly: a byte that is not UTF-8 is an error at its place, not a character silently replaced by U+FFFD.
        using var reader = new StreamReader(bytes, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
        string text;
        try
        {
            text = reader.ReadToEnd();
        }
        catch (DecoderFallbackException)
        {
            var read = bytes.GetBuffer().AsSpan(0, (int)bytes.Length);
            throw read.Contains((byte)0) ? Fail(path, "is binary, not JSON text") : NotUtf8(path, read);
        }
        if (string.IsNullOrWhiteSpace(text)) throw Fail(path, "is empty; expected a JSON object");
        if (text.Contains('\0')) throw Fail(path, "is binary, not JSON text");
        return text;
    }

    /// <summary>The first byte of <paramref name="bytes"/> that is not UTF-8, as an error at its line and column.</summary>
    private static ScenarioException NotUtf8(string path, ReadOnlySpan<byte> bytes)
    {
        var offset = 0;
        while (offset < bytes.Length && Rune.DecodeFromUtf8(bytes[offset..], out _, out var length) == System.Buffers.OperationStatus.Done) offset += length;
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
            if (bytes[i] == (byte)'\n') (line, lineStart) = (line + 1, i + 1);
        return new ScenarioException(new ScenarioError(path, line, offset - lineStart + 1, "$",
            $"byte 0x{bytes[offset]:X2} is not UTF-8; expected a file saved as UTF-8 (a file from an older editor may be Latin-1 or Windows-1252: save it as UTF-8)"));
    }

    /// <summary>A name as it can be printed: a NUL character shown as \0.</summary>
    private static string Printable(string name) => name.Replace("\0", "\\0", StringComparison.Ordinal);

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

    /// <summary>What a .NET type named in a System.Text.Json message is to an analyst (a fallback: the schema check
    /// normally finds wrong types first).</summary>
    private static string Friendly(string typeName)
    {
        var type = NullableOf().Match(typeName) is { Success: true } nullable ? nullable.Groups[1].Value : typeName;
        return type switch
        {
            "System.UInt64" or "System.UInt32" or "System.UInt16" or "System.Byte" => "a whole number >= 0",
            var t when t.StartsWith("System.Int", StringComparison.Ordinal) => "a whole number",
            "System.Double" or "System.Single" or "System.Decimal" => "a number",
            "System.String" => "a string",
            "System.Boolean" => "true or false",
            "SupplyChainSim.Model.Units.YearMonth" => "a month as a string \"YYYY-MM\"",
            "SupplyChainSim.Model.Scenarios.Distribution" => "a number or a distribution object such as { \"dist\": \"uniform\", \"min\": 1, \"max\": 6 }",
            "SupplyChainSim.Model.Regimes.RegimeRule" => "a rule object such as { \"rule\": \"lpp-exemption\" }",
            var t when t.Contains("IReadOnlyList", StringComparison.Ordinal) => "an array",
            var t when t.Contains("IReadOnlyDictionary", StringComparison.Ordinal) => "an object of names to values",
            _ => "an object",
        };
    }

    [GeneratedRegex(@"^System\.Nullable`1\[(.+)\]$")]
    private static partial Regex NullableOf();

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

    /// <summary>A data file a scenario may name: checked after its schema like a scenario, then for what types cannot say.</summary>
    private interface IDataFile
    {
        IEnumerable<SchemaProblem> Validate(SchemaCheck check);
    }

    private sealed record CatalogueFile : IDataFile
    {
        [ValueRange(1, 1)]
        public int FormatVersion { get; init; } = 1;

        public IReadOnlyDictionary<string, string> Sources { get; init; } = new Dictionary<string, string>();

        public required IReadOnlyList<ChipSpec> Chips { get; init; }

        public ChipCatalogue ToCatalogue() => new() { Chips = Chips };

        /// <summary>Fields a chip may mark as placeholders.</summary>
        private static readonly string[] PlaceholderFields = ["tpp", "dieAreaMm2", "unitPriceUsd", "memoryBandwidthGBs", "availableFrom"];

        public IEnumerable<SchemaProblem> Validate(SchemaCheck check) =>
            Unique(Chips.Select((chip, i) => (chip.Model, $"$.chips[{i}].model")), "model", check)
                .Concat(Chips.Select((chip, i) => (chip.Model, Path: $"$.chips[{i}].model"))
                    .Where(c => string.IsNullOrWhiteSpace(c.Model) && !check.IsUnread(c.Path))
                    .Select(c => new SchemaProblem(c.Path, $"expected a chip model name, found \"{c.Model}\"")))
                .Concat(Chips.SelectMany((chip, i) => chip.Placeholders.Where(f => !PlaceholderFields.Contains(f))
                    .Select(f => new SchemaProblem($"$.chips[{i}].placeholders", $"unknown field \"{f}\"; expected one of {string.Join(", ", PlaceholderFields)}"))))
                // Between 1,600 and 4,800 TPP, 3A090 turns on performance density: without a die area it is taken as 0.
                .Concat(Chips.Select((chip, i) => (chip, i)).Where(c => c.chip.DieAreaMm2 is null && c.chip.Tpp is >= 1600 and < 4800)
                    .Select(c => new SchemaProblem($"$.chips[{c.i}].dieAreaMm2", $"\"{c.chip.Model}\" has {c.chip.Tpp:N0} TPP and no die area: its performance " +
                        "density is taken as 0, which may leave it outside 3A090.a or .b wrongly; give dieAreaMm2", IsWarning: true)));
    }

    private sealed record TargetFile : IDataFile
    {
        public string Description { get; init; } = "";

        public required IReadOnlyList<Model.Calibration.CalibrationTarget> Targets { get; init; }

        public IEnumerable<SchemaProblem> Validate(SchemaCheck check) =>
            Unique(Targets.Select((t, i) => (t.Id, $"$.targets[{i}].id")), "target id", check)
                .Concat(Targets.Select((t, i) => (t, i)).SelectMany(x => TargetProblems(x.t, $"$.targets[{x.i}]")));

        private static IEnumerable<SchemaProblem> TargetProblems(Model.Calibration.CalibrationTarget target, string path)
        {
            if (!Model.Calibration.CalibrationMetric.All.Contains(target.Metric))
                yield return new SchemaProblem($"{path}.metric", $"unknown metric \"{target.Metric}\"; expected one of {string.Join(", ", Model.Calibration.CalibrationMetric.All)}");
            if (target.Until < target.From) yield return new SchemaProblem($"{path}.until", $"expected a month on or after from ({target.From})");
            if (!(target.Low <= target.Central && target.Central <= target.High))
                yield return new SchemaProblem($"{path}.central", $"expected low <= central <= high, found {target.Low}, {target.Central}, {target.High}");
        }
    }

    private sealed record CountryFile : IDataFile
    {
        public string Description { get; init; } = "";

        public IReadOnlyList<string> Sources { get; init; } = [];

        public required IReadOnlyList<CountrySpec> Countries { get; init; }

        public CountryList ToList() => new() { Countries = Countries.OrderBy(c => c.Code, StringComparer.Ordinal).ToList() };

        public IEnumerable<SchemaProblem> Validate(SchemaCheck check) =>
            Unique(Countries.Select((country, i) => (country.Code, $"$.countries[{i}].code")), "country code", check)
                .Concat(Countries.Select((country, i) => (country.Code, Path: $"$.countries[{i}].code"))
                    .Where(c => !ScenarioValidator.IsCountryCode(c.Code) && !check.IsUnread(c.Path))
                    .Select(c => new SchemaProblem(c.Path, $"expected an ISO 3166-1 alpha-2 code (two capital letters), found \"{c.Code}\"")))
                .Concat(GroupProblems(Countries, "$.countries"));
    }

    /// <summary>Country Groups a country list names must be ones the rules know.</summary>
    internal static IEnumerable<SchemaProblem> GroupProblems(IReadOnlyList<CountrySpec> countries, string path) =>
        countries.SelectMany((country, i) => country.Groups.Select((group, j) => (group, at: $"{path}[{i}].groups[{j}]")))
            .Where(g => !Model.Regimes.CountryGroups.IsGroup(g.group))
            .Select(g => new SchemaProblem(g.at, $"unknown country group \"{g.group}\"; expected one of {string.Join(", ", Model.Regimes.CountryGroups.Known)}"));

    /// <summary>Each name after its first: a duplicate, at its own place.</summary>
    private static IEnumerable<SchemaProblem> Unique(IEnumerable<(string Name, string Path)> names, string what, SchemaCheck check)
    {
        var first = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, path) in names)
        {
            if (check.IsUnread(path)) continue;
            if (!first.TryAdd(name, path)) yield return new SchemaProblem(path, $"duplicate {what} \"{name}\" (first at {first[name]}); expected each {what} once");
        }
    }

    /// <summary>The catalogue and country list shipped inside the model (src/SupplyChainSim.Model/Data).</summary>
    public static class BuiltIn
    {
        private static readonly Lazy<ChipCatalogue> catalogue = new(() => ReadResource<CatalogueFile>(CatalogueName).ToCatalogue());
        private static readonly Lazy<CountryList> countries = new(() => ReadResource<CountryFile>(CountriesName).ToList());
        private static readonly Lazy<IReadOnlyList<Model.Calibration.CalibrationTarget>> targets = new(() => ReadResource<TargetFile>(TargetsName).Targets);

        public static ChipCatalogue Catalogue => catalogue.Value;

        public static CountryList Countries => countries.Value;

        /// <summary>Published figures the model is held against (Data/targets.json).</summary>
        public static IReadOnlyList<Model.Calibration.CalibrationTarget> Targets => targets.Value;

        public const string TargetsName = "targets.json";

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
            typeof(ChipCatalogue).Assembly.GetManifestResourceStream("SupplyChainSim.Model.Data." + name)
            ?? throw new InvalidOperationException($"built-in data file {name} is missing from the model assembly");

        /// <summary>Built-in data is checked like a file a scenario names; a problem in it is a defect of the build.</summary>
        private static T ReadResource<T>(string name) where T : IDataFile
        {
            using var stream = Resource(name);
            using var reader = new StreamReader(stream);
            var errors = new List<ScenarioError>();
            try
            {
                var (data, check) = Read<T>(ParseNode(reader.ReadToEnd(), name), name, errors);
                // Built-in data must be clean: a warning in it is a defect of the build too.
                errors.AddRange(data.Validate(check).Select(p => new ScenarioError(name, null, null, p.Path, p.Message, p.IsWarning)));
                if (errors.Count == 0) return data;
            }
            catch (ScenarioException e)
            {
                errors = [.. e.Errors];
            }
            throw new InvalidOperationException($"built-in data file {name} is not valid:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
        }
    }
}
