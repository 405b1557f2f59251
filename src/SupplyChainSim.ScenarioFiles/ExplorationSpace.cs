using System.Globalization;
using System.Text.Json.Nodes;
using SupplyChainSim.Model.Exploration;
using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.ScenarioFiles;

/// <summary>
/// A scenario's `uncertainties` section, checked and resolved: each entry's path must name a number of the world (not
/// the seed, the span or the outcomes' thresholds), its range must lie within that number's range, and no two
/// entries may vary one value. Problems are reported at the entry, so that the loader places them in the file.
/// </summary>
public static class ExplorationSpace
{
    /// <summary>The longest name an input may have: it heads a column and a line of the page.</summary>
    public const int MaxNameLength = 60;

    /// <summary>The inputs of a loaded scenario (which has been checked: a problem here is a defect).</summary>
    public static IReadOnlyList<ExploredInput> Of(ResolvedScenario scenario)
    {
        var (inputs, problems) = Resolve(scenario, _ => false);
        return problems.Count == 0 ? inputs
            : throw new InvalidOperationException($"the uncertainties of {scenario.SourceFile} were not checked: {problems[0].Path}: {problems[0].Message}");
    }

    /// <summary>What is wrong with the scenario's `uncertainties`, skipping what depends on values that could not be read.</summary>
    internal static IReadOnlyList<SchemaProblem> Problems(ResolvedScenario scenario, Func<string, bool> unread) => Resolve(scenario, unread).Problems;

    private static readonly HashSet<string> Structural = new(StringComparer.Ordinal)
    {
        "$.formatVersion", "$.seed", "$.worldSeed", "$.months",
    };

    private static (List<ExploredInput> Inputs, List<SchemaProblem> Problems) Resolve(ResolvedScenario scenario, Func<string, bool> unread)
    {
        var inputs = new List<ExploredInput>();
        var problems = new List<SchemaProblem>();
        var entries = scenario.Spec.Uncertainties;
        if (scenario.Template is not ScenarioTemplate { Node: var template }) return (inputs, problems);
        var reserved = ExploreOutcomes.Columns(Model.Breaches.BreachThresholds.From(scenario.Spec.BreachThresholdsH100e, scenario.Spec.BreachThresholdsH100eByKind));
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        var paths = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            var at = $"$.uncertainties[{i}]";
            if (unread(at)) continue;
            var entry = entries[i];
            if (!unread($"{at}.name"))
            {
                var name = entry.Name;
                if (string.IsNullOrWhiteSpace(name)) problems.Add(new($"{at}.name", $"expected a name for the input, such as \"customs detection\", found \"{name}\""));
                else if (name.Any(char.IsControl)) problems.Add(new($"{at}.name", "expected a name without control characters"));
                else if (name.Length > MaxNameLength) problems.Add(new($"{at}.name", $"expected a name of at most {MaxNameLength} characters, found {name.Length}"));
                else if (reserved.Contains(name) || name == ExploreOutcomes.PointColumn)
                    problems.Add(new($"{at}.name", $"\"{name}\" is a column explore.csv gives the outcomes; expected another name"));
                else if (!names.TryAdd(name, i)) problems.Add(new($"{at}.name", $"duplicate name \"{name}\" (first at $.uncertainties[{names[name]}].name); expected each name once"));
            }
            if (unread($"{at}.path")) continue;
            var (target, problem) = Find(template, entry.Path, $"{at}.path");
            if (target is null)
            {
                problems.Add(new($"{at}.path", problem!));
                continue;
            }
            if (!paths.TryAdd(target.ResolvedPath, i))
            {
                problems.Add(new($"{at}.path", $"varies the same value as $.uncertainties[{paths[target.ResolvedPath]}] ({target.ResolvedPath}); expected each value once"));
                continue;
            }
            if (unread($"{at}.min") || unread($"{at}.max") || unread($"{at}.distribution")) continue;
            var inline = scenario.Uncertain.FirstOrDefault(u => u.Path == target.ResolvedPath);
            var sampled = Sampled(entry, target, inline, at, problems);
            if (sampled is null) continue;
            inputs.Add(new ExploredInput(entry.Name, entry.Path, target.ResolvedPath, sampled.Value.Distribution, sampled.Value.FromRange, target.Whole,
                target.Range, target.InH100e, inline is not null));
        }
        return (inputs, problems);
    }

    /// <summary>
    /// What an entry samples: its range, its distribution, or the uncertain input its path holds; null (and no problem)
    /// when it has neither range nor distribution and its path holds a plain number, which explore then leaves as it is.
    /// </summary>
    private static (Distribution Distribution, bool FromRange)? Sampled(UncertaintySpec entry, Target target, UncertainInput? inline, string at, List<SchemaProblem> problems)
    {
        var where = $"the range of {target.ResolvedPath}";
        var before = problems.Count;
        if (entry.Distribution is { } distribution)
        {
            if (entry.Min is not null || entry.Max is not null)
            {
                problems.Add(new(at, "expected a range (\"min\" and \"max\") or a \"distribution\", not both"));
                return null;
            }
            foreach (var (parameter, message) in distribution.Problems(target.Range, explicitMinimum: distribution.Minimum != 0))
            {
                // "expected 0 to 1 (...) (the range of $.x), found 2": the key it is held to, before what was found.
                var found = message.LastIndexOf(", found ", StringComparison.Ordinal);
                var said = found < 0 ? $"{message} ({where})" : $"{message[..found]} ({where}){message[found..]}";
                problems.Add(new(parameter is null ? $"{at}.distribution" : $"{at}.distribution.{parameter}", said));
            }
            return problems.Count > before ? null : (distribution, false);
        }
        if (entry.Min is null && entry.Max is null)
        {
            if (inline is not null) return (inline.Distribution, false);
            // A number where the world had a distribution: the scenario (or --set) fixed it, so explore leaves it fixed.
            // Not an error, so that a scenario may fix any uncertain input of the world it extends.
            return null;
        }
        if (entry.Min is not { } min || entry.Max is not { } max)
        {
            problems.Add(new(at, $"missing \"{(entry.Min is null ? "min" : "max")}\"; a range needs both \"min\" and \"max\""));
            return null;
        }
        foreach (var (key, value) in new[] { ("min", min), ("max", max) })
        {
            if (!target.Range.Contains(value)) problems.Add(new($"{at}.{key}", $"expected {target.Range.Description} ({where}), found {Shown(value)}"));
            else if (target.Whole && value != Math.Floor(value)) problems.Add(new($"{at}.{key}", $"expected a whole number ({where}), found {Shown(value)}"));
        }
        if (problems.Count == before && max < min) problems.Add(new($"{at}.max", $"expected a value of at least min ({Shown(min)}), found {Shown(max)}"));
        return problems.Count > before ? null
            : (new Distribution { Dist = "uniform", With = new Dictionary<string, double> { ["min"] = min, ["max"] = max } }, true);
    }

    private static string Shown(double value) => value.ToString("G", CultureInfo.InvariantCulture);

    /// <summary>The number an entry's path names, as <see cref="Find"/> found it.</summary>
    private sealed record Target(string ResolvedPath, bool Whole, DrawRange Range, bool InH100e);

    /// <summary>
    /// Finds the number a path names in the merged scenario: the path must exist there (named items included) and
    /// lead, through the schema, to a number of the world; else what is wrong with it.
    /// </summary>
    private static (Target? Target, string? Problem) Find(JsonObject template, string path, string at)
    {
        static (Target?, string?) Fail(string message) => (null, message);
        string full;
        try
        {
            var given = ScenarioOverride.At(path, JsonValue.Create(0), at);
            if (NotOfTheWorld(given.Path) is { } refused) return Fail(refused);
            full = given.ApplyTo((JsonObject)template.DeepClone()).ResolvedPath!;
        }
        catch (ScenarioException e)
        {
            return Fail(e.Errors[0].Message);
        }
        if (NotOfTheWorld(full) is { } problem) return Fail(problem);

        JsonNode? node = template;
        var schema = ScenarioSchema.For(typeof(ScenarioSpec));
        var steps = ScenarioOverride.Steps(full);
        var walked = "$";
        for (var i = 0; i < steps.Count; i++)
        {
            schema = Plain(schema, node);
            var last = i == steps.Count - 1;
            // Items are numbered in a resolved path: a name in brackets is an object's key a dotted path cannot spell.
            var step = steps[i] is ScenarioOverride.ArrayIndex named && !named.Text.All(char.IsAsciiDigit) ? named.Text : steps[i];
            if (step is string key)
            {
                var next = schema["properties"]?[key] as JsonObject ?? schema["additionalProperties"] as JsonObject;
                if (next is null && last && TppKeys.OtherUnit(key) is { } tppKey && key.EndsWith(TppKeys.H100eSuffix, StringComparison.Ordinal)
                    && schema["properties"]?[tppKey] is JsonObject tpp)
                {
                    var number = Number(tpp);
                    if (number is null) return Fail($"{walked}.{tppKey} is not a number");
                    var range = Range(number);
                    var h100e = new DrawRange(range.Minimum / Tpp.OneH100e.Value, range.Maximum / Tpp.OneH100e.Value, range.AboveMinimum,
                        $"an amount in H100e {(range.AboveMinimum ? "above" : "from")} {ScenarioLimits.Format(range.Minimum / Tpp.OneH100e.Value)}" +
                        $"{(range.AboveMinimum ? ", up to" : " to")} {ScenarioLimits.Format(range.Maximum / Tpp.OneH100e.Value)}");
                    return (new Target($"{walked}.{tppKey}", false, h100e, true), null);
                }
                if (next is null)
                {
                    var known = (schema["properties"] as JsonObject)?.Select(p => p.Key).ToList() ?? [];
                    return Fail($"{walked} has no key \"{key}\" a scenario may set{Misspelling.DidYouMean(key, known)}");
                }
                schema = next;
                node = node is JsonObject obj ? obj[key] : null;
                walked += ScenarioOverride.KeyStep(key);
            }
            else
            {
                var index = int.Parse(((ScenarioOverride.ArrayIndex)steps[i]).Text, CultureInfo.InvariantCulture);
                if (schema["items"] is not JsonObject items) return Fail($"{walked} is not an array");
                schema = items;
                node = node is JsonArray array ? array[index] : null;
                walked += $"[{index}]";
            }
            if (!last && Number(schema) is not null) return Fail($"{walked} is a number; expected a path that ends there");
        }
        var leaf = Number(schema);
        if (leaf is null) return Fail($"{full} is not a number: expected the path of a number of the world, found one of {SchemaCheck.Expected(Plain(schema, node))}");
        var types = leaf["type"]!.ToJsonString();
        return (new Target(full, !types.Contains("number", StringComparison.Ordinal), Range(leaf), false), null);
    }

    /// <summary>Why a path names no number of the world: the run's seed or span, or what explore itself measures by.</summary>
    private static string? NotOfTheWorld(string path) =>
        Structural.Contains(path) ? $"{path} says what the run is, not what the world is; expected the path of a number of the world"
        : Under(path, "$.uncertainties") || Under(path, "$.breachThresholdsH100e") || Under(path, "$.breachThresholdsH100eByKind")
            ? $"{path} defines what explore measures, not the world; expected the path of a number of the world"
        : null;

    private static bool Under(string path, string root) =>
        path == root || (path.StartsWith(root, StringComparison.Ordinal) && path[root.Length] is '.' or '[');

    /// <summary>A rule's schema is the branch its "rule" names; anything else is itself.</summary>
    private static JsonObject Plain(JsonObject schema, JsonNode? node)
    {
        if (schema["anyOf"] is not JsonArray branches || schema[ScenarioSchema.UncertainKeyword] is not null || ScenarioSchema.IsDistribution(schema)) return schema;
        var name = node is JsonObject obj && obj["rule"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
        return branches.OfType<JsonObject>().FirstOrDefault(b => b["properties"]?["rule"]?["const"]?.GetValue<string>() == name) ?? schema;
    }

    /// <summary>The number schema of a key: itself, or the number form of an uncertain input or a per-agent distribution; else null.</summary>
    private static JsonObject? Number(JsonObject schema)
    {
        if (schema[ScenarioSchema.UncertainKeyword] is not null || ScenarioSchema.IsDistribution(schema)) return (JsonObject)schema["anyOf"]![0]!;
        var types = schema["type"]?.ToJsonString() ?? "";
        return types.Contains("number", StringComparison.Ordinal) || types.Contains("integer", StringComparison.Ordinal) ? schema : null;
    }

    private static DrawRange Range(JsonObject number)
    {
        double? Bound(string key) => number[key] is JsonValue v ? double.Parse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture) : null;
        return new DrawRange(Bound("minimum") ?? Bound("exclusiveMinimum") ?? 0, Bound("maximum") ?? double.MaxValue, number["exclusiveMinimum"] is not null,
            SchemaCheck.Expected(number));
    }
}
