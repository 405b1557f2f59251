using SupplyChainSim.Model.Regimes;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Trade;
using SupplyChainSim.Model.Units;
using SupplyChainSim.Model.Worlds;
using SupplyChainSim.ScenarioFiles;

namespace SupplyChainSim.Model.Tests;

/// <summary>Piecemeal acquisition: split purchases, detection and the Entity List, linking, no-clustering.</summary>
public class PiecemealTests
{
    /// <summary>
    /// Two Malaysian sites of one owner each take 60 H100s in January under an LPP allowance of 100 H100e
    /// (1,583,120 TPP) a consignee a year. Each purchase passes; linked, the owner holds 120 H100e.
    /// </summary>
    private static string TwoSites(bool link, string extraRules = "", string siteExtras = "") => $$"""
        {
          "formatVersion": 1, "name": "two-sites", "seed": 3, "start": "2024-01", "months": 3,
          "regime": { "rules": [ { "rule": "lpp-exemption", "allowanceTpp": 1583120 } {{extraRules}} ] },
          "chipmakers": [ { "id": "NVIDIA", "leadTimeMonths": 0, "capacity": { "H100-SXM": 1000 } } ],
          "dataCentres": { "sites": [
            { "id": "my-a", "country": "MY", "owner": "Front", "chipModel": "H100-SXM", "targetH100e": 60, "orderSizeH100e": 60, "linkAcrossSites": {{(link ? "true" : "false")}} {{siteExtras}} },
            { "id": "my-b", "country": "MY", "owner": "Front", "chipModel": "H100-SXM", "targetH100e": 60, "orderSizeH100e": 60, "linkAcrossSites": {{(link ? "true" : "false")}} {{siteExtras}} }
          ] }
        }
        """;

    [Fact]
    public async Task Purchases_each_under_the_allowance_breach_once_the_owner_links_its_sites()
    {
        var results = await TestWorlds.Run(TwoSites(link: true));
        Assert.All(results.Months[0].Decisions, d => Assert.Equal(LicenceOutcome.Notified, d.Outcome));
        // One consignee could have taken 100 H100e in 2024; the owner linked 120: 20 H100e of piecemeal assembly.
        var breach = Assert.Single(results.Breaches);
        Assert.Equal((YearMonth.Parse("2024-01"), "piecemeal-exemption", "Front", "MY"), (breach.Month, breach.Kind, breach.Owner, breach.Country));
        Assert.Equal(["my-a", "my-b"], breach.Sites);
        Assert.Equal((120.0, 20.0), (breach.Cluster.H100e, breach.Excess.H100e));
        Assert.Equal(Tpp.FromTpp(1_583_120), breach.Permitted);
        Assert.Equal("lpp-exemption: 1 allowance of 100.0 H100e for 2024", breach.LimitBasis);
        Assert.Equal(breach.Cluster, breach.Acquisitions.Aggregate(Tpp.Zero, (sum, a) => sum + a.Compute));
        Assert.All(breach.Acquisitions, a => Assert.Equal(("lpp-exemption", Route.Exempt), (a.Basis, a.Route)));
        Assert.True(breach.FirstForOwner);

        Assert.Empty((await TestWorlds.Run(TwoSites(link: false))).Breaches);
    }

    [Fact]
    public async Task An_owner_that_links_its_sites_is_never_split_across_blocks()
    {
        // Pools of one site: the owner's two sites still share a block, so the linked cluster (and the breach) stay.
        var world = TestWorlds.Build(TwoSites(link: true), poolSize: 1);
        Assert.Contains(world.DataCentreBlocks, b => b.Sites.Select(s => s.Id).SequenceEqual(["my-a", "my-b"]));
        var breach = Assert.Single((await InMemoryWorldHosts.RunAsync(world)).Breaches);
        Assert.Equal(20.0, breach.Excess.H100e);
    }

    [Fact]
    public async Task No_clustering_software_stops_the_link_unless_the_owner_gets_round_it()
    {
        const string conditions = """, { "rule": "exemption-conditions", "noClustering": true, "noClusteringLimitH100e": 50 }""";
        Assert.Empty((await TestWorlds.Run(TwoSites(link: true, conditions))).Breaches);
        Assert.Empty((await TestWorlds.Run(TwoSites(link: true, conditions, """, "circumventionPerMonth": 0"""))).Breaches);
        // Certain to get round it: linked in the first month. 120 H100e linked against a 50 H100e no-clustering limit: all
        // 120 carried the condition, so 70 H100e of them sit beyond it. The same 120 exempt H100e are also 20 H100e past
        // one consignee's 100 H100e allowance: two kinds, two breaches.
        var breaches = (await TestWorlds.Run(TwoSites(link: true, conditions, """, "circumventionPerMonth": 1"""))).Breaches;
        var noClustering = Assert.Single(breaches, b => b.Kind == "no-clustering");
        Assert.Equal((YearMonth.Parse("2024-01"), 120.0, 50.0, 70.0), (noClustering.Month, noClustering.Cluster.H100e, noClustering.Permitted.H100e, noClustering.Excess.H100e));
        Assert.Equal("exemption-conditions: no-clustering limit of 50.0 H100e", noClustering.LimitBasis);
        Assert.All(noClustering.Acquisitions, a => Assert.True(a.NoClustering));
        Assert.Equal(20.0, Assert.Single(breaches, b => b.Kind == "piecemeal-exemption").Excess.H100e);
        // Not compliant at all: the software never ran.
        Assert.Equal(2, (await TestWorlds.Run(TwoSites(link: true, conditions, """, "noClusteringCompliance": false"""))).Breaches.Count);
    }

    private static string Detected(double probability) => TestWorlds.HandComputed
        .Replace("\"months\": 6,", "\"months\": 6, \"enforcement\": { \"hubCustomsDetection\": " + probability.ToString(System.Globalization.CultureInfo.InvariantCulture) + " },")
        .Replace("\"seed\": 1,", "\"seed\": 1, \"countries\": [ { \"code\": \"SG\", \"name\": \"Singapore\", \"tier\": 2, \"transitHub\": true, \"customsEnforcement\": 1 } ],");

    [Fact]
    public async Task Detection_probability_one_stops_the_flow_at_the_first_lot()
    {
        var results = await TestWorlds.Run(Detected(1));
        Assert.Equal(0, results.Months.Sum(m => m.Smuggled.Chips));
        Assert.Empty(results.Breaches);
        var detections = results.Months.SelectMany(m => m.Detections).ToList();
        // January's lot (shell-1) is caught when it leaves the warehouse in February and shell-1 goes on the Entity
        // List; February's lot (shell-2) is caught in March. March's order through shell-1 and April's through shell-2
        // are refused, after which the intermediary has no shell left and orders nothing more.
        Assert.Equal([("2024-02", "sg-broker/shell-1", "customs"), ("2024-03", "sg-broker/shell-2", "customs")],
            detections.Select(d => (d.Month.ToString(), d.Shell, d.Check)));
        Assert.All(detections, d => Assert.Equal("SG", d.Country));
        var later = results.Months.SelectMany(m => m.Decisions).Where(d => d.Order.Buyer == "sg-broker" && d.Order.Month >= YearMonth.Parse("2024-03")).ToList();
        Assert.Equal([("2024-03", "sg-broker/shell-1", "entity-list"), ("2024-04", "sg-broker/shell-2", "entity-list")],
            later.Select(d => (d.Order.Month.ToString(), d.Order.Consignee, d.Basis)));
        Assert.Equal(20, results.Months.Sum(m => m.Countries.Single(c => c.Country == "SG").Seized.Chips));
    }

    [Fact]
    public async Task Detection_probability_zero_never_detects()
    {
        var results = await TestWorlds.Run(Detected(0));
        Assert.Empty(results.Months.SelectMany(m => m.Detections));
        Assert.Equal(50, results.Months.Sum(m => m.Smuggled.Chips));
    }

    [Fact]
    public async Task Entity_listed_shells_buy_nothing_more()
    {
        var results = await InMemoryWorldHosts.RunAsync(WorldBuilder.Build(ScenarioLoader.Load(Paths.Scenario("piecemeal-stopped-2025.json"))));
        var listed = results.Months.SelectMany(m => m.Detections).GroupBy(d => d.Shell).ToDictionary(g => g.Key, g => g.Min(d => d.Month));
        Assert.NotEmpty(listed);
        var later = results.Months.SelectMany(m => m.Decisions).Where(d => listed.TryGetValue(d.Order.Consignee, out var caught) && d.Order.Month > caught).ToList();
        Assert.NotEmpty(later); // they do try again
        Assert.All(later, d => Assert.Equal((LicenceOutcome.Denied, "entity-list"), (d.Outcome, d.Basis)));
    }

    [Fact]
    public async Task Shells_stay_under_their_share_of_the_allowance_each_year()
    {
        var results = await InMemoryWorldHosts.RunAsync(WorldBuilder.Build(ScenarioLoader.Load(Paths.Scenario("piecemeal-2025.json"))));
        var shellYears = results.Months.SelectMany(m => m.Decisions).Where(d => d.Order.Buyer == "sg-network-1" && d.Route is not null)
            .GroupBy(d => (d.Order.Consignee, d.Order.Month.Year)).Select(g => g.Aggregate(Tpp.Zero, (sum, d) => sum + d.Compute)).ToList();
        Assert.NotEmpty(shellYears);
        Assert.All(shellYears, bought => Assert.True(bought <= Tpp.FromTpp(26_900_000 * 0.9), $"{bought.H100e:N0} H100e in a year"));
        // Every purchase passes as an LPP notification, until customs catch a shell and the Entity List refuses it.
        Assert.All(results.Months.SelectMany(m => m.Decisions).Where(d => d.Order.Buyer == "sg-network-1"),
            d => Assert.True(d.Outcome == LicenceOutcome.Notified || d.Basis == "entity-list", d.Rule));
    }

    [Fact]
    public async Task Intermediaries_spread_their_orders_over_the_sellers_of_a_chip()
    {
        var json = TestWorlds.HandComputed.Replace(
            """{ "id": "NVIDIA", "leadTimeMonths": 0, "capacity": { "H100-SXM": 1000, "H20": 1000 } }""",
            """{ "id": "NVIDIA", "leadTimeMonths": 0, "capacity": { "H100-SXM": 1000, "H20": 1000 } }, { "id": "Reseller", "leadTimeMonths": 0, "capacity": { "H100-SXM": 100 } }""");
        var results = await TestWorlds.Run(json);
        var sellers = results.Months.SelectMany(m => m.Decisions).Where(d => d.Order.Buyer == "sg-broker").Select(d => d.Order.Seller);
        Assert.Equal(["NVIDIA", "Reseller", "NVIDIA", "Reseller", "NVIDIA", "Reseller"], sellers);
    }

    [Fact]
    public async Task Piecemeal_scenario_breaches_where_the_stopped_one_does_not()
    {
        var loose = await InMemoryWorldHosts.RunAsync(WorldBuilder.Build(ScenarioLoader.Load(Paths.Scenario("piecemeal-2025.json"))));
        var stopped = await InMemoryWorldHosts.RunAsync(WorldBuilder.Build(ScenarioLoader.Load(Paths.Scenario("piecemeal-stopped-2025.json"))));

        var front = Assert.Single(loose.Breaches, b => b.Owner == "Johor Front");
        Assert.Equal((6, "piecemeal-exemption"), (front.Sites.Count, front.Kind));
        Assert.All(front.Acquisitions, a => Assert.Equal(Route.Exempt, a.Route));
        var viaShells = Assert.Single(loose.Breaches, b => b.Owner == "Hangzhou AI Lab");
        Assert.Equal("unlawful-compute", viaShells.Kind);
        Assert.Equal((Route.Smuggled, "sg-network-1"), (viaShells.MainContribution.Route, viaShells.MainContribution.Via));
        foreach (var breach in loose.Breaches)
            Assert.Equal(breach.Cluster, breach.Acquisitions.Aggregate(Tpp.Zero, (sum, a) => sum + a.Compute));

        Assert.Empty(stopped.Breaches);
        Assert.NotEmpty(stopped.Months.SelectMany(m => m.Detections));
        Assert.Equal(0, stopped.Months.Sum(m => m.Smuggled.Chips));
    }
}
