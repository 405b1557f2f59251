using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SupplyChainSim.Model.Scenarios;

/// <summary>
/// One value set from outside the file (`--set $.regime.rules[3].allowanceTpp=7915600`): laid over the scenario after
/// its extends chain is merged, then the whole scenario is checked again. Errors at or under <see cref="Path"/> are
/// reported at <see cref="Source"/>, not at a place in a file.
/// </summary>
/// <param name="Path">A JSON path from the scenario's root: "$.a.b[2].c".</param>
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
        return (path, texts.Select(t => new ScenarioOverride(path, ParseValue(t), source)).ToList());
    }

    /// <summary>The value as it is written in JSON, for reports and CSV rows.</summary>
    public string ValueText => Value?.ToJsonString() ?? "null";

    public override string ToString() => $"{Source} {Path}={ValueText}";

    /// <summary>Whether an error's path is this override's path or inside it.</summary>
    public bool Covers(string jsonPath) =>
        jsonPath == Path || (jsonPath.StartsWith(Path, StringComparison.Ordinal) && jsonPath[Path.Length] is '.' or '[');

    /// <summary>Sets the value in a scenario's merged JSON: every step of the path but the last must exist.</summary>
    public void ApplyTo(JsonObject root)
    {
        var steps = Steps(Path);
        JsonNode node = root;
        var at = "$";
        for (var i = 0; i < steps.Count; i++)
        {
            var last = i == steps.Count - 1;
            switch (steps[i], node)
            {
                case (string key, JsonObject obj):
                    if (last)
                    {
                        obj[key] = Value?.DeepClone();
                        return;
                    }
                    node = obj[key] ?? throw Invalid(Source, Path,
                        $"{at} has no key \"{key}\" (after extends are merged); its keys are {string.Join(", ", obj.Select(p => p.Key).Order(StringComparer.Ordinal))}");
                    at += "." + key;
                    break;
                case (ArrayIndex step, JsonArray array):
                    // An index of any length is read as text first: one past int's range is out of range, not a crash.
                    if (!int.TryParse(step.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= array.Count)
                        throw Invalid(Source, Path, $"{at} has {array.Count} item{(array.Count == 1 ? "" : "s")}; index {step.Text} is out of range");
                    if (last)
                    {
                        array[index] = Value?.DeepClone();
                        return;
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

    private static string Normalise(string path, string source)
    {
        var full = path.StartsWith("$.", StringComparison.Ordinal) || path.StartsWith("$[", StringComparison.Ordinal) ? path : "$." + path;
        if (!PathSyntax().IsMatch(full)) throw Invalid(source, full, "expected a JSON path of keys and indexes, like $.regime.rules[3].allowanceTpp");
        return full;
    }

    private static List<object> Steps(string path) =>
        Step().Matches(path[1..]).Select(m => m.Groups["key"].Success ? m.Groups["key"].Value : (object)new ArrayIndex(m.Groups["index"].Value)).ToList();

    /// <summary>An array index as written in the path.</summary>
    private sealed record ArrayIndex(string Text);

    private static JsonNode? ParseValue(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text);
        }
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

    [GeneratedRegex(@"^\$(\.[A-Za-z_][A-Za-z0-9_]*|\[\d+\])+$")]
    private static partial Regex PathSyntax();

    [GeneratedRegex(@"\.(?<key>[A-Za-z_][A-Za-z0-9_]*)|\[(?<index>\d+)\]")]
    private static partial Regex Step();
}
