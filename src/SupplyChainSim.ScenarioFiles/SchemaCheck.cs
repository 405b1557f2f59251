using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.ScenarioFiles;

/// <summary>
/// Checks a JSON file against the schema of the type it is read into (<see cref="ScenarioSchema.For"/>), in one pass:
/// every unknown key (with a did-you-mean), every value of the wrong type, not finite or out of its range, every
/// missing required key, every distribution that could draw what its key does not allow. A value that cannot be read
/// is replaced in the tree by a stand-in of the right type, so that the rest of the file can still be read and its
/// references checked; its path is then <see cref="IsUnread">unread</see>, and checks that would look at it are skipped.
/// </summary>
public sealed partial class SchemaCheck
{
    private readonly List<SchemaProblem> problems = [];
    private readonly HashSet<string> unread = new(StringComparer.Ordinal);
    private readonly List<UncertainInput> uncertain = [];

    /// <summary>Numbers given as distributions, to be drawn once per replication; a stand-in holds their place meanwhile.</summary>
    public IReadOnlyList<UncertainInput> Uncertain => uncertain;

    private SchemaCheck()
    {
    }

    public IReadOnlyList<SchemaProblem> Problems => problems;

    /// <summary>Checks <paramref name="root"/> against <paramref name="schema"/>, replacing what cannot be read in place.</summary>
    public static SchemaCheck Run(JsonObject root, JsonObject schema)
    {
        var check = new SchemaCheck();
        check.Object(root, schema, "$");
        return check;
    }

    /// <summary>Whether the value at <paramref name="path"/>, or one that holds it, could not be read.</summary>
    public bool IsUnread(string path)
    {
        for (var candidate = path; ; candidate = Parent(candidate))
        {
            if (unread.Contains(candidate)) return true;
            if (candidate == "$") return false;
        }
    }

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? "$" : path[..cut];
    }

    /// <summary>Checks one value; returns what stands in its place: itself when it can be read.</summary>
    private JsonNode? Value(JsonNode? node, JsonObject schema, string path)
    {
        if (schema[ScenarioSchema.UncertainKeyword] is not null) return UncertainValue(node, schema, path);
        if (ScenarioSchema.IsDistribution(schema)) return Distribution(node, schema, path);
        if (schema["anyOf"] is JsonArray) return Rule(node, schema, path);
        var types = Types(schema);
        if (node is null) return types.Contains("null") ? null : Unreadable(node, schema, path);
        switch (node.GetValueKind())
        {
            case JsonValueKind.Object when types.Contains("object"):
                Object((JsonObject)node, schema, path);
                return node;
            case JsonValueKind.Array when types.Contains("array"):
                Array((JsonArray)node, schema, path);
                return node;
            case JsonValueKind.String when types.Contains("string"):
                return Text(node, schema, path);
            case JsonValueKind.True or JsonValueKind.False when types.Contains("boolean"):
                return node;
            case JsonValueKind.Number when types.Contains("integer") || types.Contains("number"):
                return Number(node, schema, path);
            default:
                return Unreadable(node, schema, path);
        }
    }

    private void Object(JsonObject obj, JsonObject schema, string path)
    {
        var properties = schema["properties"] as JsonObject;
        var additional = schema["additionalProperties"];
        var meant = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in obj.ToList())
        {
            var at = $"{path}.{key}";
            if (properties?[key] is JsonObject property) Replace(obj, key, value, Value(value, property, at));
            else if (additional is JsonObject values) Replace(obj, key, value, Value(value, values, at));
            else if (additional is JsonValue closed && closed.GetValueKind() == JsonValueKind.False)
            {
                var closest = Misspelling.Closest(key, properties?.Select(p => p.Key) ?? []);
                problems.Add(new SchemaProblem(at, $"unknown key \"{key}\"{(closest is null ? "" : $"; did you mean \"{closest}\"?")}", IsUnknownKey: true));
                if (closest is not null) meant.Add(closest);
                obj.Remove(key);
            }
        }
        if (schema["required"] is not JsonArray required) return;
        var missing = required.Select(r => r!.GetValue<string>()).Where(name => !obj.ContainsKey(name)).ToList();
        // A required key misspelt is reported once, as the unknown key that suggests it.
        var unsaid = missing.Where(name => !meant.Contains(name)).ToList();
        if (unsaid.Count > 0)
            problems.Add(new SchemaProblem(path, $"missing required key{(unsaid.Count == 1 ? "" : "s")} {string.Join(", ", unsaid.Select(m => $"\"{m}\""))}"));
        foreach (var name in missing)
        {
            obj[name] = properties?[name] is JsonObject property ? Placeholder(property) : null;
            unread.Add($"{path}.{name}");
        }
    }

    private static void Replace(JsonObject obj, string key, JsonNode? old, JsonNode? replacement)
    {
        if (!ReferenceEquals(old, replacement)) obj[key] = replacement;
    }

    private void Array(JsonArray array, JsonObject schema, string path)
    {
        if (schema["items"] is not JsonObject items) return;
        for (var i = 0; i < array.Count; i++)
        {
            var old = array[i];
            var replacement = Value(old, items, $"{path}[{i}]");
            if (!ReferenceEquals(old, replacement)) array[i] = replacement;
        }
    }

    private JsonNode? Text(JsonNode node, JsonObject schema, string path)
    {
        var text = node.GetValue<string>();
        if (schema["pattern"]?.GetValue<string>() == ScenarioSchema.MonthPattern && !YearMonth.TryParse(text, out _))
        {
            var message = MonthSyntax().IsMatch(text)
                ? $"expected a month from {YearMonth.FirstParsed} to {YearMonth.MaxValue}, found \"{text}\""
                : $"expected a month \"YYYY-MM\" (for example \"2025-05\"), found \"{text}\"";
            return Unreadable(path, message, schema);
        }
        if (schema["const"] is JsonValue constant && constant.GetValue<string>() != text) return Unreadable(node, schema, path);
        if (schema["enum"] is JsonArray choices && choices.All(choice => choice?.GetValue<string>() != text)) return Unreadable(node, schema, path);
        return node;
    }

    private JsonNode? Number(JsonNode node, JsonObject schema, string path)
    {
        var raw = node.ToJsonString();
        if (!Types(schema).Contains("number"))
        {
            // A whole number: digits only (System.Text.Json reads neither 6.0 nor 6e0 into an integer).
            if (!WholeNumber().IsMatch(raw)) return Unreadable(node, schema, path);
            var fits = decimal.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole);
            return fits && InRange(whole, Bound(schema, "minimum"), Bound(schema, "exclusiveMinimum"), Bound(schema, "maximum"))
                ? node
                : Unreadable(node, schema, path);
        }
        var number = double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture);
        return double.IsFinite(number) && InRange(number, schema) ? node : Unreadable(node, schema, path);
    }

    private static bool InRange(decimal? value, decimal? minimum, decimal? above, decimal? maximum) =>
        value is null || (!(value < minimum) && !(value <= above) && !(value > maximum));

    private static bool InRange(double value, JsonObject schema) =>
        !(value < Double(schema, "minimum")) && !(value <= Double(schema, "exclusiveMinimum")) && !(value > Double(schema, "maximum"));

    private static decimal? Bound(JsonObject schema, string key) =>
        schema[key] is JsonValue bound ? decimal.Parse(bound.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture) : null;

    private static double? Double(JsonObject schema, string key) =>
        schema[key] is JsonValue bound ? double.Parse(bound.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture) : null;

    /// <summary>Regime rules: the "rule" key names the kind, and so the keys the rest of the object may have.</summary>
    private JsonNode? Rule(JsonNode? node, JsonObject schema, string path)
    {
        if (node is not JsonObject obj) return Unreadable(node, schema, path);
        var branches = schema["anyOf"]!.AsArray().OfType<JsonObject>().ToList();
        var names = branches.Select(b => b["properties"]?["rule"]?["const"]?.GetValue<string>()).OfType<string>().ToList();
        if (!obj.TryGetPropertyValue("rule", out var named))
            return Unreadable(path, $"missing required key \"rule\"; expected one of {Quoted(names)}", schema);
        if (named is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
            return Unreadable($"{path}.rule", $"expected a rule name such as \"lpp-exemption\", found {Found(named)}", schema, path);
        var name = value.GetValue<string>();
        var branch = branches.FirstOrDefault(b => b["properties"]?["rule"]?["const"]?.GetValue<string>() == name);
        if (branch is null)
        {
            problems.Add(new SchemaProblem($"{path}.rule", $"unknown rule \"{name}\"{Misspelling.DidYouMean(name, names)}", IsUnknownKey: true));
            unread.Add(path);
            return Placeholder(schema);
        }
        Object(obj, branch, path);
        return obj;
    }

    /// <summary>
    /// A number of the world, or a distribution to draw it from once per replication: checked like a per-agent
    /// distribution against the number's range, recorded, and held meanwhile by a stand-in of the number's type.
    /// </summary>
    private JsonNode? UncertainValue(JsonNode? node, JsonObject schema, string path)
    {
        var choices = schema["anyOf"]!.AsArray();
        var number = (JsonObject)choices[0]!;
        if (node is not JsonObject obj) return Value(node, number, path);
        var before = problems.Count;
        var checkedNode = Distribution(obj, new JsonObject { ["anyOf"] = new JsonArray(number.DeepClone(), choices[1]!.DeepClone()) }, path);
        if (problems.Count > before || !ReferenceEquals(checkedNode, obj)) return checkedNode;
        var (dist, with, minimum) = Parameters(obj);
        var range = new DrawRange(Double(number, "minimum") ?? Double(number, "exclusiveMinimum") ?? 0, Double(number, "maximum") ?? double.MaxValue,
            number["exclusiveMinimum"] is not null, Expected(number));
        uncertain.Add(new UncertainInput(path, new Distribution { Dist = dist!, With = with, Minimum = minimum ?? 0 }, !Types(number).Contains("number"), range));
        return Placeholder(number);
    }

    /// <summary>A distribution object's name, parameters and floor, as written (checked elsewhere).</summary>
    private static (string? Dist, Dictionary<string, double> With, double? Minimum) Parameters(JsonObject obj)
    {
        string? dist = null;
        double? minimum = null;
        var with = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (key, value) in obj)
        {
            if (key == "dist" && value is JsonValue d && d.GetValueKind() == JsonValueKind.String) dist = d.GetValue<string>();
            else if (value is JsonValue v && v.GetValueKind() == JsonValueKind.Number)
            {
                var x = double.Parse(v.ToJsonString(), CultureInfo.InvariantCulture);
                if (key == "minimum") minimum = x;
                else with[key] = x;
            }
        }
        return (dist, with, minimum);
    }

    /// <summary>A plain number in the key's range, or a distribution object whose draws stay in it.</summary>
    private JsonNode? Distribution(JsonNode? node, JsonObject schema, string path)
    {
        var choices = schema["anyOf"]!.AsArray();
        var number = (JsonObject)choices[0]!;
        if (node is JsonValue && node.GetValueKind() == JsonValueKind.Number) return Number(node, number, path);
        if (node is not JsonObject obj) return Unreadable(node, schema, path);
        var before = problems.Count;
        var known = ((JsonObject)choices[1]!)["properties"]!.AsObject();
        string? dist = null;
        var with = new Dictionary<string, double>(StringComparer.Ordinal);
        double? minimum = null;
        foreach (var (key, value) in obj.ToList())
        {
            var at = $"{path}.{key}";
            if (!known.ContainsKey(key))
                problems.Add(new SchemaProblem(at, $"unknown key \"{key}\"{Misspelling.DidYouMean(key, known.Select(k => k.Key))}", IsUnknownKey: true));
            else if (key == "dist")
                dist = value is JsonValue d && d.GetValueKind() == JsonValueKind.String ? d.GetValue<string>() : Problem(at, $"expected the name of a distribution, found {Found(value)}");
            else if (value is not JsonValue v || v.GetValueKind() != JsonValueKind.Number || !double.IsFinite(double.Parse(v.ToJsonString(), CultureInfo.InvariantCulture)))
                Problem(at, $"expected a finite number, found {Found(value)}");
            else if (key == "minimum") minimum = double.Parse(v.ToJsonString(), CultureInfo.InvariantCulture);
            else with[key] = double.Parse(v.ToJsonString(), CultureInfo.InvariantCulture);
        }
        if (problems.Count == before)
        {
            if (dist is null) Problem(path, "a distribution object needs \"dist\"");
            else
            {
                var range = new DrawRange(Double(number, "minimum") ?? Double(number, "exclusiveMinimum") ?? 0, Double(number, "maximum") ?? double.MaxValue,
                    number["exclusiveMinimum"] is not null, Expected(number));
                var distribution = new Distribution { Dist = dist, With = with, Minimum = minimum ?? 0 };
                foreach (var (parameter, message) in distribution.Problems(range, explicitMinimum: minimum is not null))
                    Problem(parameter is null ? path : $"{path}.{parameter}", message);
            }
        }
        if (problems.Count == before) return obj;
        unread.Add(path);
        return Placeholder(number);
    }

    private string? Problem(string path, string message)
    {
        problems.Add(new SchemaProblem(path, message));
        return null;
    }

    private JsonNode? Unreadable(JsonNode? found, JsonObject schema, string path) =>
        Unreadable(path, $"expected {Expected(schema)}, found {Found(found)}", schema);

    /// <param name="at">Where the problem is.</param>
    /// <param name="message">What was expected, found what.</param>
    /// <param name="schema">The schema of the value replaced.</param>
    /// <param name="replaced">The path of the value replaced, when it holds <paramref name="at"/>.</param>
    private JsonNode? Unreadable(string at, string message, JsonObject schema, string? replaced = null)
    {
        problems.Add(new SchemaProblem(at, message));
        unread.Add(replaced ?? at);
        return Placeholder(schema);
    }

    /// <summary>A value of the schema's type that the loader accepts, to stand in for one that cannot be read.</summary>
    private static JsonNode? Placeholder(JsonObject schema)
    {
        if (schema[ScenarioSchema.UncertainKeyword] is not null) return Placeholder((JsonObject)schema["anyOf"]![0]!);
        if (ScenarioSchema.IsDistribution(schema)) return Placeholder((JsonObject)schema["anyOf"]![0]!);
        // A rule that needs nothing but its name stands in for one that cannot be read.
        if (schema["anyOf"] is JsonArray rules)
            return new JsonObject
            {
                ["rule"] = rules.OfType<JsonObject>()
                    .Where(b => b["required"] is not JsonArray required || required.All(k => k?.GetValue<string>() == "rule"))
                    .Select(b => b["properties"]?["rule"]?["const"]?.GetValue<string>()).First(n => n is not null),
            };
        if (schema["const"] is JsonNode constant) return constant.DeepClone();
        if (schema["enum"] is JsonArray choices) return choices[0]!.DeepClone();
        var types = Types(schema);
        if (types.Contains("null")) return null;
        if (types.Contains("integer") || types.Contains("number"))
            return schema["minimum"]?.DeepClone() ?? schema["maximum"]?.DeepClone() ?? JsonValue.Create(0);
        if (types.Contains("string")) return JsonValue.Create(schema["pattern"] is null ? "" : "2000-01");
        if (types.Contains("boolean")) return JsonValue.Create(false);
        if (types.Contains("array")) return new JsonArray();
        var placeholder = new JsonObject();
        if (schema["required"] is JsonArray required && schema["properties"] is JsonObject properties)
            foreach (var name in required.Select(r => r!.GetValue<string>()))
                placeholder[name] = properties[name] is JsonObject property ? Placeholder(property) : null;
        return placeholder;
    }

    private static HashSet<string> Types(JsonObject schema) => schema["type"] switch
    {
        JsonValue one => [one.GetValue<string>()],
        JsonArray many => many.Select(t => t!.GetValue<string>()).ToHashSet(StringComparer.Ordinal),
        // A name from a fixed set (a policy) is a string; so is a constant (a rule's name).
        _ => schema["const"] is not null || schema["enum"] is not null ? ["string"] : [],
    };

    /// <summary>What a value of this schema is, as an analyst would say it: "a whole number from 1 to 1,200".</summary>
    internal static string Expected(JsonObject schema)
    {
        if (ScenarioSchema.IsDistribution(schema))
            return $"{Expected((JsonObject)schema["anyOf"]![0]!)}, or a distribution object such as {{ \"dist\": \"uniform\", \"min\": 1, \"max\": 6 }}";
        if (schema["anyOf"] is JsonArray) return "a rule object such as { \"rule\": \"lpp-exemption\" }";
        if (schema["const"] is JsonValue constant) return constant.ToJsonString();
        if (schema["enum"] is JsonArray choices) return OneOf(choices.Select(choice => choice!.ToJsonString()).ToList());
        if (schema["pattern"]?.GetValue<string>() == ScenarioSchema.MonthPattern) return "a month as a string \"YYYY-MM\"";
        var types = Types(schema);
        if (types.Contains("integer") || types.Contains("number"))
            return Bound(schema, "minimum") is { } only && only == Bound(schema, "maximum") ? only.ToString(CultureInfo.InvariantCulture)
                : schema["description"]?.GetValue<string>() ?? WholeRange(schema) ?? (types.Contains("number") ? "a number" : "a whole number");
        if (types.Contains("string")) return "a string";
        if (types.Contains("boolean")) return "true or false";
        if (types.Contains("array")) return schema["items"] is JsonObject items ? $"an array of {Plural(items)}" : "an array";
        if (schema["additionalProperties"] is JsonObject values) return $"an object of names to {Plural(values)}";
        return "an object";
    }

    private static string? WholeRange(JsonObject schema) =>
        Bound(schema, "minimum") is { } min && Bound(schema, "maximum") is { } max
            ? $"a whole number from {min.ToString("N0", CultureInfo.InvariantCulture)} to {max.ToString("N0", CultureInfo.InvariantCulture)}"
            : null;

    /// <summary>"whole numbers from 1 to 3", "strings", "objects": the items of an array or the values of an object.</summary>
    private static string Plural(JsonObject schema)
    {
        if (schema["anyOf"] is JsonArray && !ScenarioSchema.IsDistribution(schema)) return "rule objects";
        var one = Expected(schema);
        return one switch
        {
            "a string" => "strings",
            "an object" => "objects",
            _ when one.StartsWith("a whole number", StringComparison.Ordinal) => "whole numbers" + one["a whole number".Length..],
            _ when one.StartsWith("a number", StringComparison.Ordinal) => "numbers" + one["a number".Length..],
            _ => one,
        };
    }

    /// <summary>A value as it was written: numbers and strings as they are, containers by kind.</summary>
    internal static string Found(JsonNode? node)
    {
        if (node is null) return "null";
        switch (node.GetValueKind())
        {
            case JsonValueKind.Object:
                return "an object";
            case JsonValueKind.Array:
                return "an array";
            case JsonValueKind.String:
                var text = node.GetValue<string>();
                return $"\"{(text.Length > 60 ? text[..57] + "..." : text)}\"";
            default:
                var raw = node.ToJsonString();
                return raw.Length > 60 ? raw[..57] + "..." : raw;
        }
    }

    /// <summary>"a", "b" or "c".</summary>
    private static string OneOf(IReadOnlyList<string> choices) =>
        choices.Count == 1 ? choices[0] : $"{string.Join(", ", choices.Take(choices.Count - 1))} or {choices[^1]}";

    private static string Quoted(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"\"{n}\""));

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)$")]
    private static partial Regex WholeNumber();

    [GeneratedRegex(@"^[0-9]{4}-(0[1-9]|1[0-2])$")]
    private static partial Regex MonthSyntax();
}
