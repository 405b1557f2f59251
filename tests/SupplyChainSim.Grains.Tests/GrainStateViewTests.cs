using SupplyChainSim.Grains.Abstractions;
using SupplyChainSim.Model.Regimes;
using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Model.Trade;
using SupplyChainSim.Model.Units;
using SupplyChainSim.Model.Worlds;

namespace SupplyChainSim.Grains.Tests;

/// <summary>What the dashboard's grain-state view shows of each agent, checked against the run's own record.</summary>
[Collection(ClusterCollection.Name)]
public class GrainStateViewTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Grain_state_views_agree_with_the_run()
    {
        var world = WorldBuilder.Build(ScenarioLoader.Load(Path.Combine(Paths.Root, "tests", "SupplyChainSim.Grains.Tests", "Golden", "golden-small.json")));
        const string run = "views";
        var results = await GrainRun.RunAsync(fixture.Grains, world, run);
        var decisions = results.Months.SelectMany(m => m.Decisions).ToList();
        static double H100e(IEnumerable<LicenceDecision> d) => d.Aggregate(Tpp.Zero, (sum, x) => sum + x.Compute).H100e;

        // A country: what it decided, by route.
        var china = (await fixture.Grains.GetGrain<ICountryGrain>(GrainKeys.Country(run, "CN")).GetState())!;
        var decidedByChina = decisions.Where(d => d.Order.DestinationCountry == "CN" && !d.Rule.StartsWith("entity-list", StringComparison.Ordinal)).ToList();
        Assert.Equal("China", china.Name);
        Assert.Equal(3, china.Tier);
        Assert.Equal(H100e(decidedByChina.Where(d => d.Route == Route.Exempt)), china.ExemptH100e, 0.05);
        Assert.Equal(H100e(decidedByChina.Where(d => d.Route is null)), china.DeniedH100e, 0.05);
        Assert.True(china.ExemptH100e > 0);

        // A block of data centres: the linked owner's cluster spans its sites and is the country's largest.
        var malaysia = world.DataCentreBlocks.Single(b => b.Country == "MY");
        var block = (await fixture.Grains.GetGrain<IDataCentreBlockGrain>(GrainKeys.DataCentreBlock(run, malaysia.Index)).GetState())!;
        var front = block.Clusters.Single(c => c.Owner == "Front");
        Assert.Equal(["my-a", "my-b"], front.Sites);
        Assert.Equal(Math.Round(results.Months[^1].Countries.Single(c => c.Country == "MY").LargestCluster.H100e, 1), front.LinkedH100e);
        Assert.Contains(results.Breaches, b => b.Owner == "Front");
        Assert.True(front.InBreach, "Front's cluster went over in 2025-08 and only grew");
        Assert.All(block.SiteList, s => Assert.Equal(s.Chips.Values.Sum() > 0, s.InstalledH100e > 0));

        // A block of intermediaries: its shells bought what their orders carried; listed shells were caught.
        var intermediaries = (await fixture.Grains.GetGrain<IIntermediaryBlockGrain>(GrainKeys.IntermediaryBlock(run, 0)).GetState())!;
        var network = intermediaries.Intermediaries.Single(i => i.Id == "sg-net");
        Assert.Equal(["sg-net/shell-1", "sg-net/shell-2", "sg-net/shell-3"], network.Shells.Select(s => s.Shell));
        Assert.Equal(H100e(decisions.Where(d => d.Order.Buyer == "sg-net")), network.Shells.Sum(s => s.BoughtH100e), 0.05 * network.Shells.Count);
        var caught = results.Months.SelectMany(m => m.Detections).Select(d => d.Shell).ToHashSet();
        Assert.NotEmpty(caught);
        Assert.All(network.Shells.Where(s => s.EntityListed), s => Assert.Contains(s.Shell, caught));

        var nvidia = (await fixture.Grains.GetGrain<IChipmakerGrain>(GrainKeys.Chipmaker(run, "NVIDIA")).GetState())!;
        Assert.Equal("US", nvidia.Country);
        Assert.Equal(nvidia.OrdersInBook, nvidia.OrderBook.Count);

        // Asked before initialisation (a mistyped id in the dashboard), a grain shows nothing rather than failing.
        Assert.Null(await fixture.Grains.GetGrain<ICountryGrain>(GrainKeys.Country("no-such-run", "CN")).GetState());
    }
}
