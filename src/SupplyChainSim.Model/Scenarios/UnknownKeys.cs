using System.Text.Json.Nodes;

namespace SupplyChainSim.Model.Scenarios;

/// <summary>
/// Walks a scenario file against the scenario schema and reports every key the schema does not know, each with the
/// closest known key, in one pass (the reader itself would stop at the first).
/// </summary>
public static class UnknownKeys
{
    public static IEnumerable<(string Path, string Message)> Find(JsonNode? document) => Walk(document, ScenarioSchema.Node, "$");

    private static IEnumerable<(string, string)> Walk(JsonNode? node, JsonNode? schema, string path)
    {
        if (node is null || schema is not JsonObject rule) yield break;
        if (rule["anyOf"] is JsonArray choices && node is JsonObject candidate && candidate["rule"] is JsonValue named
            && named.TryGetValue<string>(out var ruleName))
        {
            // Regime rules: the "rule" key picks the branch.
            var branch = choices.OfType<JsonObject>().FirstOrDefault(c => c["properties"]?["rule"]?["const"]?.GetValue<string>() == ruleName);
            if (branch is null)
            {
                var names = choices.OfType<JsonObject>().Select(c => c["properties"]?["rule"]?["const"]?.GetValue<string>()).OfType<string>().ToList();
                yield return ($"{path}.rule", $"unknown rule \"{ruleName}\"{Suggest(ruleName, names)}");
                yield break;
            }
            rule = branch;
        }
        switch (node)
        {
            case JsonObject obj when rule["properties"] is JsonObject properties:
                var closed = rule["additionalProperties"] is JsonValue additional && additional.GetValueKind() == System.Text.Json.JsonValueKind.False;
                foreach (var (key, value) in obj)
                {
                    if (properties[key] is { } propertySchema)
                        foreach (var problem in Walk(value, propertySchema, $"{path}.{key}")) yield return problem;
                    else if (closed && key != "rule")
                        yield return ($"{path}.{key}", $"unknown key \"{key}\"{Suggest(key, properties.Select(p => p.Key))}");
                }
                break;
            case JsonArray array when rule["items"] is { } items:
                for (var i = 0; i < array.Count; i++)
                    foreach (var problem in Walk(array[i], items, $"{path}[{i}]")) yield return problem;
                break;
        }
    }

    private static string Suggest(string key, IEnumerable<string> known) => ScenarioValidator.DidYouMean(key, known);
}
