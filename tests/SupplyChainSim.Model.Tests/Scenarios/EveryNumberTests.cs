using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.ScenarioFiles;

namespace SupplyChainSim.Model.Tests;

/// <summary>
/// Every value of <see cref="EveryKeyScenario"/> bent in turn: out of its range, not finite, of the wrong type. Each
/// must be an error at its own place, in words (never a .NET type name), and never any other exception.
/// </summary>
public class EveryNumberTests
{
    /// <summary>A value of the scenario: its path, the schema it is checked against, and how to find it again.</summary>
    private sealed record Leaf(string Path, JsonObject Schema, bool IsDistributionParameter);

    private static JsonObject Document() => (JsonObject)JsonNode.Parse(EveryKeyScenario.Json, null, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!;

    private static JsonObject Schema => ScenarioSchema.Node;

    /// <summary>Every number, string and boolean of the document with the schema node that describes it, in document order.</summary>
    private static List<(Leaf Leaf, Action<JsonNode> Replace)> Leaves(JsonObject document)
    {
        var leaves = new List<(Leaf, Action<JsonNode>)>();
        void Walk(JsonNode? node, JsonObject schema, string path, Action<JsonNode> replace, bool parameter)
        {
            if (node is null) return;
            // A number that may be an uncertain input: here it is a plain number, checked as one.
            if (schema["uncertain"] is not null) schema = (JsonObject)schema["anyOf"]![0]!;
            if (schema["anyOf"] is JsonArray choices)
            {
                if (ScenarioSchema.IsDistribution(schema))
                {
                    if (node is JsonObject distribution)
                    {
                        var properties = (JsonObject)choices[1]!["properties"]!;
                        foreach (var (key, value) in distribution.ToList())
                            if (key != "dist") Walk(value, (JsonObject)properties[key]!, $"{path}.{key}", v => distribution[key] = v, parameter: true);
                    }
                    else Walk(node, (JsonObject)choices[0]!, path, replace, parameter);
                    return;
                }
                var rule = node["rule"]!.GetValue<string>();
                schema = choices.OfType<JsonObject>().Single(b => b["properties"]?["rule"]?["const"]?.GetValue<string>() == rule);
            }
            switch (node)
            {
                case JsonObject obj:
                    foreach (var (key, value) in obj.ToList())
                    {
                        if (key == "rule") continue;
                        var child = schema["properties"]?[key] as JsonObject ?? (JsonObject)schema["additionalProperties"]!;
                        Walk(value, child, $"{path}.{key}", v => obj[key] = v, parameter);
                    }
                    break;
                case JsonArray array:
                    for (var i = 0; i < array.Count; i++)
                    {
                        var index = i;
                        Walk(array[i], (JsonObject)schema["items"]!, $"{path}[{i}]", v => array[index] = v, parameter);
                    }
                    break;
                default:
                    leaves.Add((new Leaf(path, schema, parameter), replace));
                    break;
            }
        }
        Walk(document, Schema, "$", _ => throw new InvalidOperationException("the root is not a leaf"), parameter: false);
        return leaves;
    }

    private static bool IsNumber(JsonObject schema) =>
        schema["type"] is JsonValue t ? t.GetValue<string>() is "number" or "integer" : schema["type"] is JsonArray many && many.Any(x => x!.GetValue<string>() is "number" or "integer");

    private static bool IsWhole(JsonObject schema) => schema["type"]!.ToJsonString().Contains("integer", StringComparison.Ordinal);

    public static TheoryData<string> Numbers()
    {
        var data = new TheoryData<string>();
        foreach (var (leaf, _) in Leaves(Document()).Where(l => IsNumber(l.Leaf.Schema))) data.Add(leaf.Path);
        return data;
    }

    public static TheoryData<string> Values()
    {
        var data = new TheoryData<string>();
        foreach (var (leaf, _) in Leaves(Document()).Where(l => l.Leaf.Path != "$.$schema")) data.Add(leaf.Path);
        return data;
    }

    /// <summary>The document with the value at <paramref name="path"/> replaced, and the errors loading it gives.</summary>
    private static IReadOnlyList<ScenarioError> ErrorsWith(string path, JsonNode value)
    {
        var document = Document();
        Leaves(document).Single(l => l.Leaf.Path == path).Replace(value);
        var exception = Assert.Throws<ScenarioException>(() => Worlds.WorldBuilder.Build(ScenarioLoader.Parse(document.ToJsonString(), "every.json")));
        Assert.All(exception.Errors, e => Assert.Matches(@"^every\.json:\d+:\d+: ", e.ToString()));
        return exception.Errors;
    }

    [Fact]
    public void The_scenario_is_valid_and_sets_every_number_the_schema_knows()
    {
        Assert.NotNull(Worlds.WorldBuilder.Build(ScenarioLoader.Parse(EveryKeyScenario.Json, "every.json")));
        var visited = Leaves(Document()).Select(l => l.Leaf.Schema).ToHashSet(ReferenceEqualityComparer.Instance);
        var numbers = new List<(string Where, JsonObject Schema)>();
        void Collect(JsonNode? node, string where)
        {
            if (node is JsonObject obj)
            {
                if (IsNumber(obj) && where.Contains("/properties/", StringComparison.Ordinal)) numbers.Add((where, obj));
                // A distribution's parameters are checked by the distribution, against its key's range.
                // An uncertain input's distribution form has the same parameters as any distribution: only its number counts.
                var uncertain = obj["uncertain"] is not null;
                foreach (var (key, value) in obj)
                    if (!((ScenarioSchema.IsDistribution(obj) || uncertain) && key == "anyOf") && !IsH100eForm(obj, key)) Collect(value, $"{where}/{key}");
                if (uncertain) Collect(obj["anyOf"]![0], $"{where}/anyOf/0");
                if (ScenarioSchema.IsDistribution(obj)) numbers.Add(($"{where}/anyOf/0", (JsonObject)obj["anyOf"]![0]!));
            }
            else if (node is JsonArray array)
                for (var i = 0; i < array.Count; i++) Collect(array[i], $"{where}/{i}");
        }
        Collect(Schema, "");
        Assert.True(numbers.Count > 60, $"{numbers.Count} numbers in the schema");
        Assert.Empty(numbers.Where(n => !visited.Contains(n.Schema)).Select(n => n.Where));
    }

    /// <summary>
    /// "allowanceH100e" beside "allowanceTpp": the same setting in another unit, which a scenario gives instead of it,
    /// converted before the checks (ScenarioOverrideTests checks its range).
    /// </summary>
    private static bool IsH100eForm(JsonObject properties, string key) =>
        key.EndsWith("H100e", StringComparison.Ordinal) && properties.ContainsKey(key[..^"H100e".Length] + "Tpp");

    [Fact]
    public void Every_number_of_the_schema_has_a_range_it_states()
    {
        var numbers = Leaves(Document()).Where(l => IsNumber(l.Leaf.Schema) && !l.Leaf.IsDistributionParameter).Select(l => l.Leaf).ToList();
        Assert.All(numbers, leaf =>
        {
            Assert.True(leaf.Schema["minimum"] is not null || leaf.Schema["exclusiveMinimum"] is not null, $"{leaf.Path} has no minimum");
            Assert.True(leaf.Schema["maximum"] is not null, $"{leaf.Path} has no maximum");
        });
    }

    [Theory]
    [MemberData(nameof(Numbers))]
    public void A_number_that_is_not_finite_is_an_error_at_its_place(string path)
    {
        foreach (var infinite in new[] { "1e309", "-1e309" })
        {
            var errors = ErrorsWith(path, JsonNode.Parse(infinite)!);
            Assert.Contains(errors, e => e.JsonPath == path && e.Message.EndsWith($"found {infinite}", StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(Numbers))]
    public void A_number_out_of_its_range_is_an_error_at_its_place(string path)
    {
        var leaf = Leaves(Document()).Single(l => l.Leaf.Path == path).Leaf;
        if (leaf.IsDistributionParameter) return; // a parameter's range depends on its distribution: see DistributionRangeTests
        var whole = IsWhole(leaf.Schema);
        var above = decimal.Parse(leaf.Schema["maximum"]!.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture) + (whole ? 1 : 0.5m);
        var below = leaf.Schema["exclusiveMinimum"] is { } exclusive
            ? decimal.Parse(exclusive.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture)
            : decimal.Parse(leaf.Schema["minimum"]!.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture) - (whole ? 1 : 0.5m);
        foreach (var value in new[] { above, below })
        {
            var text = value.ToString(CultureInfo.InvariantCulture);
            var errors = ErrorsWith(path, JsonNode.Parse(text)!);
            Assert.Contains(errors, e => e.JsonPath == path && e.Message.StartsWith("expected ", StringComparison.Ordinal) && e.Message.EndsWith($"found {text}", StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(Values))]
    public void A_value_of_the_wrong_type_says_what_was_expected_in_words(string path)
    {
        var leaf = Leaves(Document()).Single(l => l.Leaf.Path == path).Leaf;
        var wrong = IsNumber(leaf.Schema) ? JsonValue.Create("many") : (JsonNode)new JsonArray(1, 2);
        var errors = ErrorsWith(path, wrong!);
        var error = Assert.Single(errors, e => e.JsonPath == path);
        Assert.Matches("^expected .+, found (\"many\"|an array)$", error.Message);
        Assert.DoesNotContain("System.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("`", error.Message, StringComparison.Ordinal);
    }
}
