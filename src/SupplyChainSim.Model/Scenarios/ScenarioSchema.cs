using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Scenarios;

/// <summary>
/// The JSON Schema of scenario files, generated from the very types the loader reads them into, so the two cannot
/// disagree (a test compares it with scenarios/scenario.schema.json). Editors use it to complete and check fields.
/// </summary>
public static class ScenarioSchema
{
    public const string FileName = "scenario.schema.json";

    private static readonly Lazy<JsonObject> schema = new(Build);

    public static JsonObject Node => schema.Value;

    public static string Text() => Node.ToJsonString(new JsonSerializerOptions { WriteIndented = true }).ReplaceLineEndings("\n") + "\n";

    private static JsonObject Build()
    {
        var options = new JsonSerializerOptions(ScenarioJson.Read);
        options.MakeReadOnly(populateMissingResolver: true);
        var exporter = new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = (context, node) =>
            {
                // Types read by custom converters come out as "anything": say what they really accept.
                if (context.TypeInfo.Type == typeof(YearMonth) || context.TypeInfo.Type == typeof(YearMonth?))
                    return new JsonObject { ["type"] = "string", ["pattern"] = "^[0-9]{4}-(0[1-9]|1[0-2])$", ["description"] = "a month, YYYY-MM" };
                if (context.TypeInfo.Type == typeof(Distribution))
                    return DistributionSchema();
                return node;
            },
        };
        var root = (JsonObject)JsonSchemaExporter.GetJsonSchemaAsNode(options, typeof(ScenarioSpec), exporter);
        var properties = (JsonObject)root["properties"]!;
        properties["extends"] = new JsonObject
        {
            ["type"] = "string",
            ["description"] = "a scenario file this one builds on: its keys are laid over that file's (objects merge, arrays replace)",
        };
        // A file that extends another need not repeat the keys it inherits; the loader checks the merged scenario.
        root.Remove("required");
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
