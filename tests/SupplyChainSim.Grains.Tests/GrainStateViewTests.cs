using SupplyChainSim.Grains.Abstractions;
using SupplyChainSim.Model.Regimes;
using SupplyChainSim.Model.Trade;
using SupplyChainSim.Model.Units;
using SupplyChainSim.Model.Worlds;
using SupplyChainSim.ScenarioFiles;

namespace SupplyChainSim.Grains.Tests;

/// <summary>What the dashboard's grain-state view shows of each agent, checked against the run's own record.</summary>
[Collection(ClusterCollection.Name)]
public class GrainStateViewTests(ClusterFixture fixture)
{
    private static double Round(Tpp compute) => Math.Round(compute.H100e, 1, MidpointRounding.AwayFromZero);

    [Fact]
    public async Task Grain_state_views_agree_with_the_run()
    {
        var world = WorldBuilder.Build(ScenarioLoader.Load(Path.Combine(Paths.Root, "tests", "SupplyChainSim.Grains.Tests", "Golden", "golden-small.json")));
        const string run = "views";
        var results = await GrainRun.RunAsync(fixture.Grains, world, run);
        var decisions = results.Months.SelectMany(m => m.Decisions).ToList();
        static double H100e(IEnumerable<LicenceDecision> d) => d.Aggregate(Tpp.Zero, (sum, x) => sum + x.Compute).H100e;

        // A country: what it decided, by route (the Entity List's refusals among them: it is a rule of the regime the country applies).
        var china = (await fixture.Grains.GetGrain<ICountryGrain>(GrainKeys.Country(run, "CN")).GetState())!;
        var decidedByChina = decisions.Where(d => d.Order.DestinationCountry == "CN" && d.Reason.At == DecisionPoint.Ordered).ToList();
        Assert.Equal("China", china.Name);
        Assert.Equal(3, china.Tier);
        Assert.Equal(H100e(decidedByChina.Where(d => d.Route == Route.Exempt)), china.ExemptH100e, 0.05);
        Assert.Equal(H100e(decidedByChina.Where(d => d.Route is null)), china.DeniedH100e, 0.05);
        Assert.True(china.ExemptH100e > 0);

        // An owner that links its sites: its grain holds both, and shows the cluster they make, the country's largest,
        // against what the rules permit: the figures the run's breach record ends with.
        var front = (await fixture.Grains.GetGrain<IOwnerGrain>($"{run}/owner/Front@MY").GetState())!;
        Assert.Equal(("Front", "MY"), (front.Owner, front.Country));
        Assert.Equal(["my-a", "my-b"], front.Cluster.Sites);
        Assert.Equal(["my-a", "my-b"], front.Sites.Select(s => s.Id));
        Assert.Equal(Math.Round(results.Months[^1].Countries.Single(c => c.Country == "MY").LargestCluster.H100e, 1), front.Cluster.LinkedH100e);
        Assert.True(front.Cluster.InBreach, "Front's cluster went over in 2025-08 and only grew");
        var piecemeal = results.Breaches.Single(b => b.Owner == "Front" && b.Kind == "piecemeal-exemption");
        var kind = front.Cluster.Kinds.Single(k => k.Kind == "piecemeal-exemption");
        Assert.Equal((Round(piecemeal.EndCluster), Round(piecemeal.EndCluster - piecemeal.EndExcess), Round(piecemeal.EndExcess), piecemeal.EndLimitBasis),
            (kind.CountedH100e, kind.PermittedH100e, kind.ExcessH100e, kind.LimitBasis));
        Assert.Equal(200.0, kind.PermittedH100e);
        Assert.All(front.Sites, s => Assert.Equal(s.Chips.Values.Sum() > 0, s.InstalledH100e > 0));
        // Chips by acquisition add up to the chips the sites hold.
        Assert.Equal(front.Sites.Sum(s => s.Chips.Values.Sum()), front.ChipsByAcquisition.Sum(a => (long)a.Chips));
        Assert.Equal(front.Acquisitions, front.ChipsByAcquisition.Count);

        // A data centre the scenario names: its own grain, with the unlawful compute smuggled in through sg-net, all of it
        // beyond what is permitted (nothing).
        var lab = (await fixture.Grains.GetGrain<IDataCentreGrain>($"{run}/datacentre/cn-1").GetState())!;
        var unlawful = results.Breaches.Single(b => b.Site == "cn-1" && b.Kind == "unlawful-compute");
        var labKind = lab.Cluster.Kinds.Single(k => k.Kind == "unlawful-compute");
        Assert.Equal((Round(unlawful.EndCluster), 0.0, Round(unlawful.EndExcess)), (labKind.CountedH100e, labKind.PermittedH100e, labKind.ExcessH100e));
        Assert.True(lab.Cluster.InBreach);
        Assert.Equal(lab.Chips.Values.Sum(), lab.ChipsByAcquisition.Sum(a => (long)a.Chips));
        Assert.Contains(lab.ChipsByAcquisition, a => a.Via == "sg-net" && a.Route == "Smuggled");
        Assert.Equal(Round(unlawful.EndCluster), Math.Round(lab.ChipsByAcquisition.Where(a => a.Via is not null).Sum(a => a.H100e), 1));

        // An intermediary the scenario names: its shells bought what their orders carried; listed shells were caught.
        var network = (await fixture.Grains.GetGrain<IIntermediaryGrain>($"{run}/intermediary/sg-net").GetState())!;
        Assert.Equal(["sg-net/shell-1", "sg-net/shell-2", "sg-net/shell-3"], network.Shells.Select(s => s.Shell));
        Assert.Equal(H100e(decisions.Where(d => d.Order.Buyer == "sg-net")), network.Shells.Sum(s => s.BoughtH100e), 0.05 * network.Shells.Count);
        var caught = results.Months.SelectMany(m => m.Detections).Select(d => d.Shell).ToHashSet();
        Assert.NotEmpty(caught);
        Assert.All(network.Shells.Where(s => s.EntityListed), s => Assert.Contains(s.Shell, caught));

        // The Entity List is a grain of its own: every shell caught is on it.
        var entityList = (await fixture.Grains.GetGrain<IEntityListGrain>(GrainKeys.EntityList(run)).GetState())!;
        Assert.Equal(caught.Order(StringComparer.Ordinal), entityList.Shells);
        Assert.Equal(["sg-net"], entityList.FirstCaught.Keys);

        var nvidia = (await fixture.Grains.GetGrain<IChipmakerGrain>(GrainKeys.Chipmaker(run, "NVIDIA")).GetState())!;
        Assert.Equal("US", nvidia.Country);
        Assert.Equal(nvidia.OrdersInBook, nvidia.OrderBook.Count);

        // Asked before initialisation (a mistyped id in the dashboard), a grain shows nothing rather than failing.
        Assert.Null(await fixture.Grains.GetGrain<ICountryGrain>(GrainKeys.Country("no-such-run", "CN")).GetState());
    }
}
