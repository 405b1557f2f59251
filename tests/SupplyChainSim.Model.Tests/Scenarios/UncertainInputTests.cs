using SupplyChainSim.Model.MonteCarlo;
using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Worlds;
using SupplyChainSim.ScenarioFiles;

namespace SupplyChainSim.Model.Tests;

/// <summary>Any number of a scenario may be a distribution: each replication draws its own value, reproducibly.</summary>
public class UncertainInputTests
{
    private static string Uncertain(string detection = """{ "dist": "uniform", "min": 0.2, "max": 0.6 }""", string shells = """{ "dist": "uniform", "min": 1, "max": 4 }""") =>
        TestWorlds.HandComputed
            .Replace("\"months\": 6,", $"\"months\": 6,\n  \"enforcement\": {{ \"hubCustomsDetection\": {detection} }},")
            .Replace("\"shells\": 2,", $"\"shells\": {shells},");

    [Fact]
    public void Each_seed_draws_its_own_values_within_the_range_and_the_same_seed_the_same()
    {
        var scenario = ScenarioLoader.Parse(Uncertain());
        Assert.Equal(["$.enforcement.hubCustomsDetection", "$.intermediaries.list[0].shells"], scenario.Uncertain.Select(u => u.Path));
        var draws = Enumerable.Range(0, 50).Select(i => scenario.WithSeed(ReplicationSeeds.For(1, i))).ToList();
        Assert.All(draws, s => Assert.InRange(s.Spec.Enforcement.HubCustomsDetection, 0.2, 0.6));
        Assert.All(draws, s => Assert.InRange(s.Spec.Intermediaries.List[0].Shells, 1, 4));
        Assert.True(draws.Select(s => s.Spec.Enforcement.HubCustomsDetection).Distinct().Count() > 40, "each replication draws anew");
        Assert.Equal(4, draws.Select(s => s.Spec.Intermediaries.List[0].Shells).Distinct().Count()); // whole numbers 1 to 4
        // The file's own seed is replication 0; drawing again from it gives the same values.
        Assert.Equal(scenario.Spec.Enforcement.HubCustomsDetection, draws[0].Spec.Enforcement.HubCustomsDetection);
        Assert.Equal(draws[7].Draws, scenario.WithSeed(ReplicationSeeds.For(1, 7)).Draws);
        Assert.Equal([draws[7].Spec.Enforcement.HubCustomsDetection, draws[7].Spec.Intermediaries.List[0].Shells], draws[7].Draws);
    }

    [Fact]
    public async Task Replications_csv_lists_what_each_replication_drew()
    {
        var scenario = ScenarioLoader.Parse(Uncertain());
        var summaries = new List<ReplicationSummary>();
        for (var i = 0; i < 3; i++)
        {
            var seeded = scenario.WithSeed(ReplicationSeeds.For(1, i));
            summaries.Add(ReplicationSummary.Of(i, await InMemoryWorldHosts.RunAsync(WorldBuilder.Build(seeded))));
        }
        var lines = System.Text.Encoding.UTF8.GetString(Output.ResultFiles.RenderReplications(summaries)).TrimEnd('\n').Split('\n');
        Assert.EndsWith(",$.enforcement.hubCustomsDetection,$.intermediaries.list[0].shells", lines[0]);
        for (var i = 0; i < 3; i++)
        {
            var drawn = scenario.WithSeed(ReplicationSeeds.For(1, i));
            Assert.EndsWith(string.Join(',', drawn.Draws.Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture))), lines[i + 1]);
        }
    }

    [Theory]
    [InlineData("""{ "dist": "uniform", "min": 0.2, "max": 1.6 }""", "$.enforcement.hubCustomsDetection.max")]
    [InlineData("""{ "dist": "uniform", "min": 0.2 }""", "$.enforcement.hubCustomsDetection")]
    public void A_distribution_that_could_draw_out_of_the_numbers_range_is_an_error_at_its_place(string detection, string path)
    {
        var error = Assert.Single(Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(Uncertain(detection: detection))).Errors);
        Assert.StartsWith(path, error.JsonPath, StringComparison.Ordinal);
    }

    [Fact]
    public void The_seed_and_the_months_are_never_drawn()
    {
        var json = TestWorlds.HandComputed.Replace("\"months\": 6,", "\"months\": { \"dist\": \"uniform\", \"min\": 3, \"max\": 6 },");
        Assert.Contains(Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(json)).Errors, e => e.JsonPath == "$.months");
    }
}
