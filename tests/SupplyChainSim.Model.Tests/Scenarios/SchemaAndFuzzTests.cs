using System.Text;
using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.ScenarioFiles;

namespace SupplyChainSim.Model.Tests;

public class SchemaAndFuzzTests
{
    [Fact]
    public void The_committed_schema_is_the_one_the_loader_types_generate()
    {
        var committed = File.ReadAllText(Path.Combine(Paths.Root, "scenarios", ScenarioSchema.FileName));
        // If this fails after changing the scenario types: dotnet run --project src/SupplyChainSim.Cli -- schema --out scenarios/scenario.schema.json
        Assert.Equal(ScenarioSchema.Text(), committed);
    }

    [Fact]
    public void Every_shipped_scenario_points_editors_at_the_schema()
    {
        var files = Directory.GetFiles(Path.Combine(Paths.Root, "scenarios"), "*.json", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".schema.json", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var match = System.Text.RegularExpressions.Regex.Match(File.ReadAllText(file), "\"\\$schema\": \"([^\"]+)\"");
            Assert.True(match.Success, $"{file} has no $schema");
            Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(file)!, match.Groups[1].Value)), $"{file}: {match.Groups[1].Value} not found");
        }
    }

    [Fact]
    public void The_schema_knows_every_key_of_the_shipped_scenarios()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(Paths.Root, "scenarios"), "*.json", SearchOption.AllDirectories).Where(f => !f.EndsWith(".schema.json", StringComparison.Ordinal)))
        {
            var node = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(file), null,
                new System.Text.Json.JsonDocumentOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true });
            Assert.Empty(UnknownKeys.Find(node));
        }
    }

    /// <summary>
    /// Mutated scenarios (bytes flipped, text cut short, lines dropped or doubled, values swapped for values of other
    /// types, out of range, not finite or beyond 64 bits) either load and build a world, or fail with validation errors
    /// that say in words what was expected: never any other exception, never a .NET type name.
    /// </summary>
    [Fact]
    public void Loading_mutated_scenarios_never_fails_with_anything_but_a_validation_error()
    {
        var sources = new[] { TestWorlds.HandComputed, File.ReadAllText(Path.Combine(Paths.Root, "tests", "SupplyChainSim.Grains.Tests", "Golden", "golden-small.json")), EveryKeyScenario.Json };
        var random = new Random(20261123); // seeded: the same mutations every run
        string[] values = ["0", "-1", "1e308", "\"\"", "null", "true", "[]", "{}", "\"2025-13\"", "0.5", "99999999999999999999", "\"XX\"", "\"H20\"",
            "1e309", "-1e309", "2147483648", "18446744073709551616", "1e18", "-0.0", "[null]", "\"9999-12\"", "\"\\u0000\"", "1.5", "2000000000",
            "{ \"dist\": \"pareto\", \"scale\": 1, \"shape\": 1e-300 }", "{ \"dist\": \"logNormal\", \"mu\": 1000, \"sigma\": 1 }", "{ \"rule\": 5 }"];
        var loaded = 0;
        var rejected = 0;
        for (var i = 0; i < 4500; i++)
        {
            var text = sources[i % sources.Length];
            var mutated = (i / sources.Length % 5) switch
            {
                0 => Flip(text, random),
                1 => text[..random.Next(text.Length)],
                2 => DropLine(text, random),
                3 => DoubleLine(text, random),
                _ => SwapValue(text, random, values),
            };
            try
            {
                Worlds.WorldBuilder.Build(ScenarioLoader.Parse(mutated, "fuzz.json"));
                loaded++;
            }
            catch (ScenarioException e)
            {
                Assert.NotEmpty(e.Errors);
                Assert.All(e.Errors, error => Assert.False(string.IsNullOrWhiteSpace(error.Message)));
                Assert.All(e.Errors, error => Assert.DoesNotContain("System.", error.Message, StringComparison.Ordinal));
                rejected++;
            }
        }
        Assert.True(rejected > 1500, $"{rejected} rejected, {loaded} loaded");
    }

    private static string Flip(string text, Random random)
    {
        var chars = text.ToCharArray();
        const string replacements = "{}[]\",:0a-\\\n\0é";
        chars[random.Next(chars.Length)] = replacements[random.Next(replacements.Length)];
        return new string(chars);
    }

    private static string DropLine(string text, Random random)
    {
        var lines = text.Split('\n').ToList();
        lines.RemoveAt(random.Next(lines.Count));
        return string.Join('\n', lines);
    }

    private static string DoubleLine(string text, Random random)
    {
        var lines = text.Split('\n').ToList();
        var index = random.Next(lines.Count);
        lines.Insert(index, lines[index]);
        return string.Join('\n', lines);
    }

    private static string SwapValue(string text, Random random, string[] values)
    {
        var matches = System.Text.RegularExpressions.Regex.Matches(text, @"(?<=: )(""[^""]*""|-?[0-9.]+|true|false)");
        if (matches.Count == 0) return text;
        var match = matches[random.Next(matches.Count)];
        return new StringBuilder(text).Remove(match.Index, match.Length).Insert(match.Index, values[random.Next(values.Length)]).ToString();
    }
}
