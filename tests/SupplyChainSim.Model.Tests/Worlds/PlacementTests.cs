using System.Text;
using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Model.Worlds;
using SupplyChainSim.Output;
using SupplyChainSim.ScenarioFiles;

namespace SupplyChainSim.Model.Tests;

/// <summary>Where the world builder places agents: every named agent alone, an owner's linked sites together, generated ones pooled.</summary>
public class PlacementTests
{
    private static ResolvedScenario Rescission() => ScenarioLoader.Load(Paths.Scenario("rescission-2025.json"));

    [Fact]
    public void Every_listed_site_and_intermediary_is_hosted_alone_and_a_linking_owner_with_its_sites()
    {
        var scenario = Rescission();
        var world = WorldBuilder.Build(scenario);
        var listed = scenario.Spec.DataCentres.Sites;
        Assert.True(listed.Count >= 10, $"the shipped world lists {listed.Count} sites");
        foreach (var site in listed.Where(s => !s.LinkAcrossSites))
        {
            var block = Assert.Single(world.DataCentreBlocks, b => b.Sites.Any(s => s.Id == site.Id));
            Assert.Equal((Hosting.Agent, site.Id, site.Country), (block.Hosting, block.Name, block.Country));
            Assert.Single(block.Sites);
        }
        // An owner that links its sites is hosted once, by its cluster key, with every one of its sites in that country.
        var linked = listed.Where(s => s.LinkAcrossSites).GroupBy(s => $"{s.OwnerOrSelf}@{s.Country}", StringComparer.Ordinal).ToList();
        Assert.NotEmpty(linked);
        foreach (var owner in linked)
        {
            var block = Assert.Single(world.DataCentreBlocks, b => b.Hosting == Hosting.Owner && b.Name == owner.Key);
            Assert.Equal(owner.Select(s => s.Id).Order(StringComparer.Ordinal), block.Sites.Select(s => s.Id));
        }
        Assert.Equal(linked.Count, world.DataCentreBlocks.Count(b => b.Hosting == Hosting.Owner));

        foreach (var broker in scenario.Spec.Intermediaries.List)
        {
            var block = Assert.Single(world.IntermediaryBlocks, b => b.Members.Any(m => m.Spec.Id == broker.Id));
            Assert.Equal((Hosting.Agent, broker.Id), (block.Hosting, block.Name));
            Assert.Single(block.Members);
        }

        // Generated sites are pooled, named by country and number; no pool mixes countries or holds a listed site.
        var pools = world.DataCentreBlocks.Where(b => b.Hosting == Hosting.Pool).ToList();
        Assert.Equal(world.DataCentreBlocks.Sum(b => b.Sites.Count) - listed.Count, pools.Sum(b => b.Sites.Count));
        Assert.True(pools.Count > 1, "the generated sites fill several pools");
        Assert.All(pools, b => Assert.All(b.Sites, s => Assert.Equal(b.Country, s.Country)));
        Assert.All(pools, b => Assert.StartsWith(b.Country + "/", b.Name, StringComparison.Ordinal));
        Assert.Equal(pools.Count, pools.Select(b => b.Name).Distinct().Count());
        Assert.Contains(pools, b => b.Name == "US/0");
    }

    [Fact]
    public void Adding_a_site_in_one_country_renames_no_host_in_another()
    {
        var scenario = Rescission();
        var spec = scenario.Spec;
        var added = spec.DataCentres.Sites[0] with { Id = "ae-new-1", Country = "AE", Owner = "New", LinkAcrossSites = false };
        var grown = scenario with { Spec = spec with { DataCentres = spec.DataCentres with { Sites = [.. spec.DataCentres.Sites, added] } } };
        static List<string> Hosts(World world, Func<string, bool> country) => world.DataCentreBlocks.Where(b => country(b.Country))
            .Select(b => $"{b.Hosting} {b.Name}: {string.Join(",", b.Sites.Select(s => s.Id))}").ToList();

        var before = WorldBuilder.Build(scenario, poolSize: 50);
        var after = WorldBuilder.Build(grown, poolSize: 50);
        Assert.Equal(Hosts(before, c => c != "AE"), Hosts(after, c => c != "AE"));
        Assert.Equal(Hosts(before, c => c == "AE").Append("Agent ae-new-1: ae-new-1").Order(StringComparer.Ordinal),
            Hosts(after, c => c == "AE").Order(StringComparer.Ordinal));
        // The host's place in the world's list moves, as it is only the run's internal address; the names do not.
        Assert.NotEqual(before.DataCentreBlocks.Single(b => b.Name == "US/0").Index, after.DataCentreBlocks.Single(b => b.Name == "US/0").Index);
    }

    [Fact]
    public void One_host_per_agent_places_every_generated_agent_alone_too()
    {
        var scenario = Rescission();
        var pooled = WorldBuilder.Build(scenario);
        var world = WorldBuilder.Build(scenario, placement: Placement.OnePerAgent);
        Assert.DoesNotContain(world.DataCentreBlocks, b => b.Hosting == Hosting.Pool);
        Assert.DoesNotContain(world.IntermediaryBlocks, b => b.Hosting == Hosting.Pool);
        // Every site alone, except that a linking owner's sites still share their owner's host.
        var sites = world.DataCentreBlocks.Sum(b => b.Sites.Count);
        var sharing = pooled.DataCentreBlocks.Where(b => b.Hosting == Hosting.Owner).Sum(b => b.Sites.Count - 1);
        Assert.Equal(pooled.DataCentreBlocks.Sum(b => b.Sites.Count), sites);
        Assert.Equal(sites - sharing, world.DataCentreBlocks.Count);
        Assert.All(world.DataCentreBlocks.Where(b => b.Hosting == Hosting.Agent), b => Assert.Equal(b.Name, Assert.Single(b.Sites).Id));
        Assert.Equal(world.IntermediaryCount, world.IntermediaryBlocks.Count);
    }

    [Fact]
    public async Task Results_are_the_same_with_one_host_per_agent()
    {
        var scenario = ScenarioLoader.Load(Paths.Scenario("piecemeal-2025.json"));
        var pooled = await TestWorlds.Files(WorldBuilder.Build(scenario));
        var alone = await TestWorlds.Files(WorldBuilder.Build(scenario, placement: Placement.OnePerAgent));
        Assert.Equal(pooled.Keys, alone.Keys);
        foreach (var name in pooled.Keys) Assert.Equal(Encoding.UTF8.GetString(pooled[name]), Encoding.UTF8.GetString(alone[name]));
        Assert.Contains("\"via\": \"sg-broker-1\"", Encoding.UTF8.GetString(alone[ResultFiles.Breaches]));
    }
}
