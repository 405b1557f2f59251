using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Model.Units;
using static SupplyChainSim.Model.Scenarios.TppKeys;

namespace SupplyChainSim.ScenarioFiles;

/// <summary>
/// TPP settings given in H100e: a key "xH100e" in an object whose schema has "xTpp" ("allowanceH100e" for
/// "allowanceTpp") is replaced by "xTpp" = H100e x 15,831.2, exactly as <see cref="Tpp.FromH100e"/> converts, before
/// the file is checked. Giving both in one object is an error. Each file is converted on its own before the extends
/// chain is merged (a file's setting in either unit replaces its base's), and the merged scenario once more after
/// the values set from outside are laid over it.
/// </summary>
public static class TppInH100e
{
    /// <summary>
    /// Converts every H100e form of a TPP setting in <paramref name="root"/> (a scenario file, or a merged scenario) in
    /// place, and returns the problems found, at their JSON paths; a value that cannot be converted is removed, so that
    /// the rest can be checked.
    /// </summary>
    public static IReadOnlyList<SchemaProblem> Convert(JsonObject root)
    {
        var problems = new List<SchemaProblem>();
        Walk(root, ScenarioSchema.For(typeof(ScenarioSpec)), "$", problems);
        return problems;
    }

    private static void Walk(JsonNode? node, JsonObject schema, string path, List<SchemaProblem> problems)
    {
        switch (node)
        {
            case JsonObject obj:
                if (schema["anyOf"] is JsonArray branches && !ScenarioSchema.IsDistribution(schema))
                {
                    // A rule: its "rule" name says which branch, and so which keys it has.
                    var name = obj["rule"] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
                    if (branches.OfType<JsonObject>().FirstOrDefault(b => b["properties"]?["rule"]?["const"]?.GetValue<string>() == name) is not { } branch) return;
                    schema = branch;
                }
                if (schema["properties"] is JsonObject properties)
                {
                    foreach (var key in obj.Select(p => p.Key).ToList())
                        if (!properties.ContainsKey(key) && OtherUnit(key) is { } tppKey && key.EndsWith(H100eSuffix, StringComparison.Ordinal)
                            && properties[tppKey] is JsonObject tppSchema)
                            ConvertKey(obj, key, tppKey, Plain(tppSchema), path, problems);
                    foreach (var (key, value) in obj.ToList())
                        if (properties[key] is JsonObject property) Walk(value, property, $"{path}.{key}", problems);
                }
                else if (schema["additionalProperties"] is JsonObject values)
                    foreach (var (key, value) in obj.ToList()) Walk(value, values, $"{path}.{key}", problems);
                break;
            case JsonArray array when schema["items"] is JsonObject items:
                for (var i = 0; i < array.Count; i++) Walk(array[i], items, $"{path}[{i}]", problems);
                break;
        }
    }

    private static void ConvertKey(JsonObject obj, string key, string tppKey, JsonObject tppSchema, string path, List<SchemaProblem> problems)
    {
        var at = $"{path}.{key}";
        var value = obj[key];
        obj.Remove(key);
        if (obj.ContainsKey(tppKey))
        {
            problems.Add(new SchemaProblem(at, $"the same setting is given twice, as \"{tppKey}\" and \"{key}\"; expected one of them"));
            return;
        }
        var (minimum, above, maximum) = (Bound(tppSchema, "minimum"), Bound(tppSchema, "exclusiveMinimum"), Bound(tppSchema, "maximum"));
        double h100e = 0;
        var number = value is JsonValue json && json.GetValueKind() == JsonValueKind.Number
            && double.TryParse(json.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out h100e) && double.IsFinite(h100e);
        // The range is the TPP key's, in H100e; the converted amount is checked against it in TPP.
        var tpp = number && h100e * Tpp.H100Tenths / 10 is var raw && double.IsFinite(raw) && Math.Abs(raw) < 1e17 ? Tpp.FromH100e(h100e).Value : double.NaN;
        if (!double.IsNaN(tpp) && !(tpp < minimum) && !(tpp <= above) && !(tpp > maximum))
        {
            obj[tppKey] = JsonValue.Create(tpp);
            return;
        }
        var low = above ?? minimum;
        var range = low is null || maximum is null ? "a number"
            : $"an amount in H100e {(above is null ? "from" : "above")} {ScenarioLimits.Format(low.Value / Tpp.OneH100e.Value)}" +
              $"{(above is null ? " to" : ", up to")} {ScenarioLimits.Format(maximum.Value / Tpp.OneH100e.Value)}";
        problems.Add(new SchemaProblem(at, $"expected {range} (converted to \"{tppKey}\" at 15,831.2 TPP each), found {SchemaCheck.Found(value)}"));
    }

    /// <summary>
    /// Adds to a published schema the H100e form of every TPP setting, beside it, so that editors accept and complete
    /// it (the loader converts it before checking against the schema of the types).
    /// </summary>
    internal static void Publish(JsonNode? schema)
    {
        switch (schema)
        {
            case JsonObject obj:
                if (obj["properties"] is JsonObject properties)
                    foreach (var (key, value) in properties.ToList())
                        if (key.EndsWith(TppSuffix, StringComparison.Ordinal) && OtherUnit(key) is { } h100eKey && !properties.ContainsKey(h100eKey)
                            && value is JsonObject tpp)
                            properties.Insert(properties.IndexOf(key) + 1, h100eKey, H100eSchema(key, Plain(tpp)));
                foreach (var (_, child) in obj.ToList()) Publish(child);
                break;
            case JsonArray array:
                foreach (var item in array) Publish(item);
                break;
        }
    }

    private static JsonObject H100eSchema(string tppKey, JsonObject tpp)
    {
        var schema = new JsonObject { ["type"] = "number" };
        foreach (var bound in new[] { "minimum", "exclusiveMinimum", "maximum" })
            if (Bound(tpp, bound) is { } value) schema[bound] = value / Tpp.OneH100e.Value;
        schema["description"] = $"{tppKey} given in H100e instead (x 15,831.2 TPP)";
        return schema;
    }

    /// <summary>The number form of a setting that may also be given as an uncertain input (a distribution).</summary>
    private static JsonObject Plain(JsonObject schema) =>
        schema[ScenarioSchema.UncertainKeyword] is not null && schema["anyOf"] is JsonArray forms && forms[0] is JsonObject number ? number : schema;

    private static double? Bound(JsonObject schema, string key) =>
        schema[key] is JsonValue bound ? double.Parse(bound.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture) : null;
}
