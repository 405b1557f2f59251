using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.ScenarioFiles;

/// <summary>
/// The JSON Schema of scenario files, generated from the very types the loader reads them into, so the two cannot
/// disagree (a test compares it with scenarios/scenario.schema.json). Editors use it to complete and check fields;
/// the loader checks every file against it (<see cref="SchemaCheck"/>): types, ranges, required and unknown keys.
/// </summary>
public static class ScenarioSchema
{
    public const string FileName = "scenario.schema.json";

    /// <summary>The pattern of a month, "YYYY-MM"; the loader knows a month by it.</summary>
    public const string MonthPattern = "^[0-9]{4}-(0[1-9]|1[0-2])$";

    private static readonly Lazy<JsonObject> schema = new(Publish);
    private static readonly ConcurrentDictionary<Type, JsonObject> generated = new();

    /// <summary>The schema as published: a file that extends another need not repeat the keys it inherits.</summary>
    public static JsonObject Node => schema.Value;

    public static string Text() => Node.ToJsonString(new JsonSerializerOptions { WriteIndented = true }).ReplaceLineEndings("\n") + "\n";

    /// <summary>
    /// The schema the loader checks a whole file of this type against (a scenario after its extends chain is merged,
    /// a chip catalogue, a country list): required keys included.
    /// </summary>
    internal static JsonObject For(Type type) => generated.GetOrAdd(type, Generate);

    /// <summary>Numbers that say what a run is, not what the world is: never drawn.</summary>
    private static readonly HashSet<string> Structural = new(StringComparer.OrdinalIgnoreCase)
    {
        nameof(ScenarioSpec.FormatVersion), nameof(ScenarioSpec.Seed), nameof(ScenarioSpec.WorldSeed), nameof(ScenarioSpec.Months),
    };

    private static JsonObject Generate(Type type)
    {
        var options = new JsonSerializerOptions(ScenarioJson.Read);
        options.MakeReadOnly(populateMissingResolver: true);
        var exporter = new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = (context, node) =>
            {
                var clr = Nullable.GetUnderlyingType(context.TypeInfo.Type) ?? context.TypeInfo.Type;
                // Types read by custom converters come out as "anything": say what they really accept.
                if (clr == typeof(YearMonth))
                    node = new JsonObject { ["type"] = "string", ["pattern"] = MonthPattern, ["description"] = "a month, YYYY-MM" };
                else if (clr == typeof(Distribution))
                    node = DistributionSchema();
                var range = context.PropertyInfo?.AttributeProvider?.GetCustomAttributes(typeof(ValueRangeAttribute), true)
                    .OfType<ValueRangeAttribute>().FirstOrDefault();
                if (range is not null) Constrain(node, range);
                else if (node is JsonObject obj && IsInteger(obj)) WholeNumberRange(obj, clr);
                // In a scenario, any number of the world may be uncertain: a distribution drawn once per replication.
                // (Not the bounds of an `uncertainties` entry: they say what explore samples, and are numbers as written.)
                if (type == typeof(ScenarioSpec) && context.PropertyInfo is { } property && clr != typeof(ulong) && (clr == typeof(double) || clr == typeof(int))
                    && !Structural.Contains(property.Name) && property.DeclaringType != typeof(UncertaintySpec) && node is JsonObject number && !IsDistribution(number))
                    node = Uncertain(number);
                return node;
            },
        };
        var root = (JsonObject)JsonSchemaExporter.GetJsonSchemaAsNode(options, type, exporter);
        if (type == typeof(ScenarioSpec))
        {
            var properties = (JsonObject)root["properties"]!;
            properties["extends"] = new JsonObject
            {
                ["type"] = "string",
                ["description"] = "a scenario file this one builds on: its keys are laid over that file's (objects merge, arrays replace)",
            };
        }
        return root;
    }

    private static JsonObject Publish()
    {
        var root = (JsonObject)For(typeof(ScenarioSpec)).DeepClone();
        // A file that extends another need not repeat the keys it inherits; the loader checks the merged scenario.
        root.Remove("required");
        TppInH100e.Publish(root);
        var result = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = FileName,
            ["title"] = "SupplyChainSim scenario",
            ["description"] = "A scenario for the supplychainsim command: the world, the export regime, rare-earth leverage, the seed and the span.",
        };
        foreach (var (key, value) in root.ToList())
        {
            root.Remove(key);
            result[key] = value;
        }
        return result;
    }

    private static bool IsInteger(JsonObject node) =>
        node["type"] is JsonValue t && t.GetValue<string>() == "integer"
        || node["type"] is JsonArray types && types.Any(x => x?.GetValue<string>() == "integer");

    /// <summary>A whole number without a range of its own (a seed) may take any value of its type.</summary>
    private static void WholeNumberRange(JsonObject node, Type clr)
    {
        (JsonNode Min, JsonNode Max)? range = clr == typeof(ulong) ? (JsonValue.Create(0UL), JsonValue.Create(ulong.MaxValue))
            : clr == typeof(long) ? (JsonValue.Create(long.MinValue), JsonValue.Create(long.MaxValue))
            : clr == typeof(int) ? (JsonValue.Create(int.MinValue), JsonValue.Create(int.MaxValue))
            : null;
        if (range is not { } r) return;
        node["minimum"] = r.Min;
        node["maximum"] = r.Max;
    }

    /// <summary>
    /// Writes a property's range where its values are: on the number itself, on each item of a list, on each value of
    /// a dictionary (each item, for a dictionary of lists), or on the plain-number form of a distribution (whose draws the loader checks against it too).
    /// </summary>
    private static void Constrain(JsonNode node, ValueRangeAttribute range)
    {
        if (node is not JsonObject obj) return;
        if (obj["items"] is JsonObject items) obj = items;
        else if (obj["additionalProperties"] is JsonObject values) obj = values["items"] is JsonObject listed ? listed : values;
        else if (IsDistribution(obj))
        {
            obj["description"] = $"{ScenarioLimits.Describe(range, whole: false)}, or a MathNet.Numerics distribution whose draws stay in that range, such as {{ \"dist\": \"logNormal\", \"mu\": 6.2, \"sigma\": 1.1 }}";
            obj = (JsonObject)obj["anyOf"]![0]!;
        }
        var whole = IsInteger(obj);
        if (range.AboveMinimum) obj["exclusiveMinimum"] = Number(range.Minimum, whole);
        else obj["minimum"] = Number(range.Minimum, whole);
        obj["maximum"] = Number(range.Maximum, whole);
        if (range.Minimum != range.Maximum) obj["description"] = ScenarioLimits.Describe(range, whole);
    }

    /// <summary>A distribution's schema: a plain number, or an object naming the distribution ("dist").</summary>
    /// <summary>
    /// A number that may also be given as a distribution: each replication draws one value for it from its own stream,
    /// kept within the number's range. The "uncertain" keyword tells the loader's check it is not a per-agent draw.
    /// </summary>
    private static JsonObject Uncertain(JsonObject number)
    {
        var distribution = (JsonObject)DistributionSchema()["anyOf"]![1]!.DeepClone();
        var description = number["description"]?.GetValue<string>();
        return new JsonObject
        {
            ["description"] = $"{description ?? (IsInteger(number) ? "a whole number" : "a number")}, or a distribution drawn once per replication " +
                "(an uncertain input), such as { \"dist\": \"uniform\", \"min\": 0.05, \"max\": 0.2 }",
            ["anyOf"] = new JsonArray(number, distribution),
            [UncertainKeyword] = true,
        };
    }

    /// <summary>Marks a number that may be an uncertain input.</summary>
    internal const string UncertainKeyword = "uncertain";

    internal static bool IsDistribution(JsonObject node) =>
        node[UncertainKeyword] is null && node["anyOf"] is JsonArray choices && choices.OfType<JsonObject>().Any(c => c["properties"]?["dist"] is not null);

    private static JsonNode Number(double value, bool whole) => whole ? JsonValue.Create((long)value) : JsonValue.Create(value);

    private static JsonObject DistributionSchema()
    {
        var kinds = new JsonArray(Distribution.Parameters.Keys.Select(k => (JsonNode)k).ToArray());
        var parameters = new JsonObject { ["dist"] = new JsonObject { ["enum"] = kinds }, ["minimum"] = new JsonObject { ["type"] = "number" } };
        foreach (var name in Distribution.Parameters.Values.SelectMany(p => p).Distinct().Order(StringComparer.Ordinal))
            parameters[name] = new JsonObject { ["type"] = "number" };
        return new JsonObject
        {
            ["description"] = "a number, or a MathNet.Numerics distribution such as { \"dist\": \"logNormal\", \"mu\": 6.2, \"sigma\": 1.1 }",
            ["anyOf"] = new JsonArray(
                new JsonObject { ["type"] = "number" },
                new JsonObject
                {
                    ["type"] = "object",
                    ["properties"] = parameters,
                    ["required"] = new JsonArray("dist"),
                    ["additionalProperties"] = false,
                }),
        };
    }
}
