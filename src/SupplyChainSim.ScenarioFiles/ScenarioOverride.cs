using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SupplyChainSim.Model.Scenarios;

namespace SupplyChainSim.ScenarioFiles;

/// <summary>
/// One value set from outside the file (`--set $.regime.rules[3].allowanceTpp=7915600`): laid over the scenario after
/// its extends chain is merged, then the whole scenario is checked again. Errors at or under <see cref="Path"/> are
/// reported at <see cref="Source"/>, not at a place in a file. An array item may be named instead of numbered: by its
/// "label", or else by its "rule" name (`$.regime.rules[lpp-exemption].allowanceTpp`), an agent by its "id", a country
/// by its "code", so that a path says what it sets without counting the items of an inherited file.
/// </summary>
/// <param name="Path">A JSON path from the scenario's root, as given: "$.a.b[2].c" or "$.regime.rules[lpp-500].from".</param>
/// <param name="Source">Where the value came from, as errors name it ("--set").</param>
public sealed partial record ScenarioOverride(string Path, JsonNode? Value, string Source = "--set")
{
    /// <summary>
    /// Parses "path=value": the path with or without its leading "$."; the value as JSON (a number, a string in quotes,
    /// true, false, null, an array or an object), or else as a plain string.
    /// </summary>
    public static ScenarioOverride Parse(string assignment, string source = "--set")
    {
        var (path, values) = ParseMany(assignment, source);
        return values.Count == 1
            ? values[0]
            : throw Invalid(source, path, $"expected one value, found {values.Count}: {string.Join(", ", values.Select(v => v.ValueText))}");
    }

    /// <summary>"path=v1,v2,...": one override per value (commas inside quotes, brackets and braces do not split).</summary>
    public static (string Path, IReadOnlyList<ScenarioOverride> Values) ParseMany(string assignment, string source = "--set")
    {
        var equals = assignment.IndexOf('=');
        if (equals <= 0) throw Invalid(source, "$", $"expected <json.path>=<value>[,<value>...], found \"{assignment}\"");
        var path = Normalise(assignment[..equals].Trim(), source);
        var texts = SplitValues(assignment[(equals + 1)..]);
        if (texts.Count == 0 || texts.Any(t => t.Length == 0))
            throw Invalid(source, path, $"expected a value after \"=\" (and between commas), found \"{assignment[(equals + 1)..]}\"");
        return (path, texts.Select(t => new ScenarioOverride(path, ParseValue(t, source, path), source)).ToList());
    }

    /// <summary>A value for one path, given with or without its leading "$." (a path that is not one is an error at <paramref name="source"/>).</summary>
    public static ScenarioOverride At(string path, JsonNode? value, string source) => new(Normalise(path.Trim(), source), value, source);

    /// <summary>The path with every named item replaced by its index, once <see cref="ApplyTo"/> has found it.</summary>
    public string? ResolvedPath { get; init; }

    /// <summary>The last key of the path: the setting itself ("allowanceTpp").</summary>
    public string Key => Path[(Path.LastIndexOfAny(['.', ']']) + 1)..];

    /// <summary>
    /// The value as it is written in JSON, for reports and CSV rows: quotes as \" and other text as it is, not as the
    /// \u0022 escapes System.Text.Json's default (HTML-safe) writer makes; pages encode it for HTML themselves.
    /// </summary>
    public string ValueText => Value?.ToJsonString(AsWritten) ?? "null";

    private static readonly JsonSerializerOptions AsWritten = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public override string ToString() => $"{Source} {Path}={ValueText}";

    /// <summary>Whether an error's path is this override's path or inside it, as given or with its items numbered.</summary>
    public bool Covers(string jsonPath) => Within(jsonPath, Path) || (ResolvedPath is { } resolved && Within(jsonPath, resolved));

    private static bool Within(string jsonPath, string path) =>
        jsonPath == path || (jsonPath.StartsWith(path, StringComparison.Ordinal) && jsonPath.Length > path.Length && jsonPath[path.Length] is '.' or '[');

    /// <summary>
    /// Sets the value in a scenario's merged JSON: every step of the path but the last must exist. Returns this
    /// override with <see cref="ResolvedPath"/> set. A setting given in the other unit of the same object
    /// ("allowanceH100e" where the object has "allowanceTpp", or the reverse) is replaced: the value set wins.
    /// </summary>
    public ScenarioOverride ApplyTo(JsonObject root)
    {
        var steps = Steps(Path);
        JsonNode node = root;
        var at = "$";
        for (var i = 0; i < steps.Count; i++)
        {
            var last = i == steps.Count - 1;
            // A name in brackets on an object is its key: a key a dotted path cannot spell ("performance[Ascend-910B]").
            var current = steps[i] is ArrayIndex named && node is JsonObject && !named.Text.All(char.IsAsciiDigit) ? (object)named.Text : steps[i];
            switch (current, node)
            {
                case (string key, JsonObject obj):
                    if (last)
                    {
                        if (TppKeys.OtherUnit(key) is { } other) obj.Remove(other);
                        obj[key] = Value?.DeepClone();
                        return this with { ResolvedPath = at + KeyStep(key) };
                    }
                    node = obj[key] ?? throw Invalid(Source, Path,
                        $"{at} has no key \"{key}\" (after extends are merged); its keys are {string.Join(", ", obj.Select(p => p.Key).Order(StringComparer.Ordinal))}");
                    at += KeyStep(key);
                    break;
                case (ArrayIndex step, JsonArray array):
                    var index = IndexIn(array, step, at);
                    if (last)
                    {
                        array[index] = Value?.DeepClone();
                        return this with { ResolvedPath = $"{at}[{index}]" };
                    }
                    node = array[index] ?? throw Invalid(Source, Path, $"{at}[{index}] is null");
                    at += $"[{index}]";
                    break;
                case (string key, _):
                    throw Invalid(Source, Path, $"{at} is {Describe(node)}, not an object; cannot set its key \"{key}\"");
                default:
                    throw Invalid(Source, Path, $"{at} is {Describe(node)}, not an array; cannot index it");
            }
        }
        throw Invalid(Source, Path, "expected a path below the scenario's root");
    }

    /// <summary>
    /// The item a step names: a number is its index; a name is the item with that "label", or else the one with that
    /// "rule" name (a label wins, since it names one rule where several may share a name), "id" or "code".
    /// </summary>
    private int IndexIn(JsonArray array, ArrayIndex step, string at)
    {
        if (step.Text.All(char.IsAsciiDigit))
        {
            // An index of any length is read as text first: one past int's range is out of range, not a crash.
            if (!int.TryParse(step.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= array.Count)
                throw Invalid(Source, Path, $"{at} has {array.Count} item{(array.Count == 1 ? "" : "s")}; index {step.Text} is out of range");
            return index;
        }
        string? Text(JsonNode? item, string key) =>
            item is JsonObject obj && obj[key] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
        // The keys that name an item, first match first: a rule's label, its rule name; an agent's id, a country's code.
        var (key, matches) = NameKeys.Select(k => (k, Enumerable.Range(0, array.Count).Where(i => Text(array[i], k) == step.Text).ToList()))
            .FirstOrDefault(m => m.Item2.Count > 0, ("", []));
        if (matches.Count == 1) return matches[0];
        var items = string.Join("; ", Enumerable.Range(0, array.Count).Select(i =>
            $"[{i}] {NameKeys.Skip(1).Select(k => Text(array[i], k)).FirstOrDefault(n => n is not null) ?? "(unnamed)"}" +
            (Text(array[i], "label") is { } label ? $" label \"{label}\"" : "")));
        throw Invalid(Source, Path, matches.Count == 0
            ? $"{at} has no item labelled or named \"{step.Text}\"; its items are {items}"
            : $"{at}[{step.Text}] is ambiguous: {matches.Count} items have the {(key == "rule" ? "rule name" : key)} \"{step.Text}\" " +
              $"({string.Join(", ", matches.Select(m => $"[{m}]"))}); give the index or a label; its items are {items}");
    }

    private static readonly string[] NameKeys = ["label", "rule", "id", "code"];

    private static string Normalise(string path, string source)
    {
        var full = path.StartsWith("$.", StringComparison.Ordinal) || path.StartsWith("$[", StringComparison.Ordinal) ? path : "$." + path;
        if (!PathSyntax().IsMatch(full)) throw Invalid(source, full, "expected a JSON path of keys and indexes or names, like $.regime.rules[3].allowanceTpp or $.regime.rules[lpp-exemption].allowanceTpp");
        return full;
    }

    /// <summary>A path's steps: a key (string) or an <see cref="ArrayIndex"/>.</summary>
    /// <summary>A key as a step of a path: dotted where a dotted path can spell it, else in brackets.</summary>
    internal static string KeyStep(string key) => PathSyntax().IsMatch("$." + key) ? "." + key : $"[{key}]";

    internal static List<object> Steps(string path) =>
        Step().Matches(path[1..]).Select(m => m.Groups["key"].Success ? m.Groups["key"].Value : (object)new ArrayIndex(m.Groups["index"].Value)).ToList();

    /// <summary>An array index as written in the path: a number, or the label or rule name of an item.</summary>
    internal sealed record ArrayIndex(string Text);

    private static JsonNode? ParseValue(string text, string source, string path)
    {
        JsonNode? value;
        try
        {
            value = JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text);
        }
        // Valid JSON that is no text (a lone surrogate escape) would crash whatever reads it.
        if (JsonPositions.Of(text).Problems is [var problem, ..]) throw Invalid(source, path, $"{text}: {problem.Message}");
        return value;
    }

    private static List<string> SplitValues(string text)
    {
        var values = new List<string>();
        var current = new StringBuilder();
        var depth = 0;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted && c == '\\' && i + 1 < text.Length)
            {
                current.Append(c).Append(text[++i]);
                continue;
            }
            if (c == '"') quoted = !quoted;
            else if (!quoted && c is '[' or '{') depth++;
            else if (!quoted && c is ']' or '}') depth--;
            else if (!quoted && depth == 0 && c == ',')
            {
                values.Add(current.ToString().Trim());
                current.Clear();
                continue;
            }
            current.Append(c);
        }
        values.Add(current.ToString().Trim());
        return values;
    }

    private static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonArray => "an array",
        JsonObject => "an object",
        _ => $"the value {node.ToJsonString()}",
    };

    private static ScenarioException Invalid(string source, string path, string message) => new(new ScenarioError(source, null, null, path, message));

    [GeneratedRegex(@"^\$(\.[A-Za-z_][A-Za-z0-9_]*|\[[A-Za-z0-9_][A-Za-z0-9_.:+-]*\])+$")]
    private static partial Regex PathSyntax();

    [GeneratedRegex(@"\.(?<key>[A-Za-z_][A-Za-z0-9_]*)|\[(?<index>[A-Za-z0-9_][A-Za-z0-9_.:+-]*)\]")]
    private static partial Regex Step();
}
