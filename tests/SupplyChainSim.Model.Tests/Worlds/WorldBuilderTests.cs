using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Model.Worlds;
using SupplyChainSim.ScenarioFiles;

namespace SupplyChainSim.Model.Tests;

public class WorldBuilderTests
{
    private static World Shipped(ulong? seed = null)
    {
        var scenario = ScenarioLoader.Load(Paths.Scenario("rescission-2025.json"));
        return WorldBuilder.Build(seed is { } s ? scenario.WithSeed(s) : scenario);
    }

    private static List<DataCentreSpec> Sites(World world) => world.DataCentreBlocks.SelectMany(b => b.Sites).ToList();

    [Fact]
    public void Generators_make_the_counts_asked_for_with_draws_inside_their_distributions()
    {
        var sites = Sites(Shipped());
        // 20 listed; generated: 32 Hopper and 32 Blackwell hyperscale sites, 1,500 Tier 1, 1,000 Tier 2 and 100 Chinese
        // labs that choose among their sources.
        Assert.Equal(20 + 32 + 32 + 1500 + 1000 + 100, sites.Count);
        var smallBuyers = sites.Where(s => s.Id.StartsWith("t2-", StringComparison.Ordinal)).ToList();
        Assert.Equal(1000, smallBuyers.Count);
        Assert.All(smallBuyers, s => Assert.InRange(s.OrderSizeH100e, 150, 450));
        Assert.All(smallBuyers, s => Assert.InRange(s.OrderEveryMonths, 2, 4));
        Assert.All(smallBuyers, s => Assert.InRange(s.FirstOrderMonth, 0, s.OrderEveryMonths - 1));
        // logNormal(6.9, 0.5): the median is e^6.9, about 992 H100e.
        var median = smallBuyers.Select(s => s.TargetH100e).Order().ElementAt(500);
        Assert.InRange(median, 900, 1100);
        Assert.All(sites.Where(s => s.Id.StartsWith("cn", StringComparison.Ordinal)), s => Assert.Equal("CN", s.Country));
    }

    [Fact]
    public void The_world_seed_fixes_the_world_whatever_the_run_seed()
    {
        var a = Sites(Shipped(seed: 1));
        var b = Sites(Shipped(seed: 2));
        Assert.Equal(a, b);
        var reseeded = ScenarioLoader.Load(Paths.Scenario("rescission-2025.json"));
        var other = Sites(WorldBuilder.Build(reseeded with { Spec = reseeded.Spec with { WorldSeed = 99 } }));
        Assert.NotEqual(a.Select(s => s.TargetH100e), other.Select(s => s.TargetH100e));
    }

    [Fact]
    public void Blocks_hold_one_country_each_and_no_more_than_the_pool_size()
    {
        var world = WorldBuilder.Build(ScenarioLoader.Load(Paths.Scenario("rescission-2025.json")), poolSize: 100);
        Assert.All(world.DataCentreBlocks, b => Assert.All(b.Sites, s => Assert.Equal(b.Country, s.Country)));
        Assert.All(world.DataCentreBlocks, b => Assert.InRange(b.Sites.Count, 1, 100));
        // Johor Front's six linked sites share one block.
        Assert.Single(world.DataCentreBlocks, b => b.Sites.Any(s => s.Owner == "Johor Front"));
        Assert.Equal(Enumerable.Range(0, world.DataCentreBlocks.Count), world.DataCentreBlocks.Select(b => b.Index));
    }
}
