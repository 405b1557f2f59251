using System.Text;
using SupplyChainSim.Model.Regimes;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Trade;
using SupplyChainSim.Model.Units;
using SupplyChainSim.Model.Worlds;
using SupplyChainSim.Output;
using SupplyChainSim.ScenarioFiles;

namespace SupplyChainSim.Model.Tests;

public class MonthStepperTests
{
    [Fact]
    public async Task Each_month_records_its_flows_by_channel_seller_route_hub_and_restricted_owner()
    {
        var results = await TestWorlds.Run(TestWorlds.HandComputed);
        var all = results.Months.SelectMany(m => m.Channels).ToList();
        // The US site's own purchases, delivered without a licence to the US; no owner named (not restricted).
        Assert.Equal(25, all.Where(c => c.Stage == ChannelFlow.Delivered).Sum(c => c.Flow.Chips));
        Assert.All(all.Where(c => c.Stage == ChannelFlow.Delivered), c => Assert.Equal(("NVIDIA", Route.Exempt, "US", null), (c.Seller, c.Route, c.Country, c.Owner)));
        // Six lots of 10 bought by the shells in Singapore, five forwarded to CN Lab (restricted: in China) through SG.
        var shells = all.Where(c => c.Stage == ChannelFlow.ToShells).ToList();
        Assert.Equal(60, shells.Sum(c => c.Flow.Chips));
        Assert.All(shells, c => Assert.Equal(("NVIDIA", "SG", "SG"), (c.Seller, c.Hub, c.Country)));
        var smuggled = all.Where(c => c.Stage == ChannelFlow.Smuggled).ToList();
        Assert.Equal(50, smuggled.Sum(c => c.Flow.Chips));
        Assert.All(smuggled, c => Assert.Equal(("NVIDIA", Route.Smuggled, "SG", "CN", "CN Lab"), (c.Seller, c.Route, c.Hub, c.Country, c.Owner)));
        Assert.DoesNotContain(all, c => c.Stage == ChannelFlow.Seized);
        // Every month, the channels add up to the month's flows (shells' purchases are the hub's exempt deliveries).
        foreach (var month in results.Months)
        {
            Flow Sum(Func<ChannelFlow, bool> which) => month.Channels.Where(which).Aggregate(Flow.None, (sum, c) => sum + c.Flow);
            Assert.Equal(month.Exempt, Sum(c => c.Stage is ChannelFlow.Delivered or ChannelFlow.ToShells && c.Route == Route.Exempt));
            Assert.Equal(month.Licensed, Sum(c => c.Stage is ChannelFlow.Delivered or ChannelFlow.ToShells && c.Route == Route.Licensed));
            Assert.Equal(month.Smuggled, Sum(c => c.Stage == ChannelFlow.Smuggled));
            Assert.Equal(month.Channels.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Key), month.Channels.Select(c => c.Key));
        }
    }

    [Fact]
    public async Task Hand_computed_world_breaches_in_the_month_the_first_diverted_lot_arrives()
    {
        var results = await TestWorlds.Run(TestWorlds.HandComputed);

        // January: shell-1 buys 10 H100s (no licence needed to Singapore), which wait a month in the warehouse.
        // February: they are forwarded to cn-site. Sent there directly they would have been denied (baseline-3A090), so
        // all 10 H100e are unlawful compute, of which nothing is permitted.
        var breach = Assert.Single(results.Breaches);
        Assert.Equal((YearMonth.Parse("2024-02"), "unlawful-compute"), (breach.Month, breach.Kind));
        Assert.Equal(("cn-site", "CN Lab", "CN"), (breach.Site, breach.Owner, breach.Country));
        Assert.Equal((10.0, 0.0, 10.0), (breach.Cluster.H100e, breach.Permitted.H100e, breach.Excess.H100e));
        // By June four more lots have arrived: 50 H100e unlawful at the end.
        Assert.Equal((50.0, 50.0), (breach.EndCluster.H100e, breach.EndExcess.H100e));
        var acquisition = Assert.Single(breach.Acquisitions);
        Assert.Equal(new Acquisition(YearMonth.Parse("2024-02"), "NVIDIA", "sg-broker", "H100-SXM", 10, Tpp.OneH100e * 10, Route.Smuggled, ExportedUnder: RuleId.NoLicenceRequired)
        {
            Exported = YearMonth.Parse("2024-01"),
            DeniedDirectlyBy = "baseline-3A090: presumption of denial for D:5 and Macau",
        }, acquisition);

        // Six orders of 10 through the shells; five forwarded by June (the June lot is still in the warehouse).
        Assert.Equal(60 + 25, results.Months.Sum(m => m.Exempt.Chips));
        Assert.Equal(50, results.Months.Sum(m => m.Smuggled.Chips));
        Assert.Equal([0, 10, 10, 10, 10, 10], results.Months.Select(m => m.Smuggled.Chips));
        Assert.Equal(0, results.Months.Sum(m => m.Denied.Chips));

        // The US site orders 10, 10 and 5 chips, then has reached its 25 H100e target.
        var us = results.Months.Select(m => m.Countries.Single(c => c.Country == "US")).ToList();
        Assert.Equal([10, 20, 25, 25, 25, 25], us.Select(c => c.Installed.H100e));
        var singapore = results.Months.Select(m => m.Countries.Single(c => c.Country == "SG").Exempt.Chips);
        Assert.Equal([10, 10, 10, 10, 10, 10], singapore);
        Assert.Equal(50.0, results.Months[^1].Countries.Single(c => c.Country == "CN").Installed.H100e);
    }

    [Fact]
    public async Task Provenance_adds_up_to_the_cluster_in_every_breach_of_the_shipped_scenario()
    {
        var results = await InMemoryRun("baseline-2023.json");
        Assert.NotEmpty(results.Breaches);
        foreach (var breach in results.Breaches)
        {
            Assert.Equal(breach.Cluster, breach.Acquisitions.Aggregate(Tpp.Zero, (sum, a) => sum + a.Compute));
            Assert.True(breach.Cluster > breach.Permitted);
            Assert.True(breach.EndExcess >= breach.Excess);
        }
    }

    [Fact]
    public async Task Direct_orders_of_controlled_chips_to_D5_are_denied_and_never_installed()
    {
        var results = await InMemoryRun("baseline-2023.json");
        var toChina = results.Months.SelectMany(m => m.Decisions).Where(d => d.Order.DestinationCountry == "CN").ToList();
        // cn-lab-2 comes into the world in 2025-01 wanting H200s. A lab chooses among what it can get: under the baseline
        // it orders no chip the rules refuse outright, and anything controlled that is ordered to China is denied.
        var lab2 = toChina.Where(d => d.Order.Buyer == "cn-lab-2").ToList();
        Assert.NotEmpty(lab2);
        Assert.True(lab2.Min(d => d.Order.Month) >= Units.YearMonth.Parse("2025-01"));
        Assert.DoesNotContain(lab2, d => d.Order.ChipModel is "H100-SXM" or "H200-SXM" or "B200" or "GB300");
        Assert.All(toChina.Where(d => d.Order.ChipModel is "H100-SXM" or "H200-SXM" or "B200" or "GB300"),
            d => Assert.Equal(Regimes.LicenceOutcome.Denied, d.Outcome));
        // None is installed in China but by the smuggling networks.
        Assert.All(results.Months.SelectMany(m => m.Deliveries).Where(d => d.Country == "CN" && d.ChipModel is "H100-SXM" or "H200-SXM" or "B200" or "GB300"),
            d => Assert.Equal(Trade.Route.Smuggled, d.Route));
    }

    [Fact]
    public async Task Results_do_not_depend_on_how_agents_are_grouped_into_blocks()
    {
        var world = WorldBuilder.Build(ScenarioLoader.Load(Paths.Scenario("baseline-2023.json")));
        var regrouped = WorldBuilder.Build(ScenarioLoader.Load(Paths.Scenario("baseline-2023.json")), poolSize: 7);
        Assert.True(regrouped.DataCentreBlocks.Count > world.DataCentreBlocks.Count);
        var expected = await TestWorlds.Files(world);
        var actual = await TestWorlds.Files(regrouped);
        foreach (var name in expected.Keys) Assert.Equal(Encoding.UTF8.GetString(expected[name]), Encoding.UTF8.GetString(actual[name]));
    }

    [Fact]
    public async Task The_same_world_run_twice_gives_identical_files()
    {
        var world = WorldBuilder.Build(ScenarioLoader.Load(Paths.Scenario("baseline-2023.json")));
        var first = await TestWorlds.Files(world);
        var second = await TestWorlds.Files(world);
        Assert.Equal(first.Keys, second.Keys);
        foreach (var name in first.Keys) Assert.Equal(first[name], second[name]);
    }

    [Fact]
    public async Task Months_csv_has_a_row_per_month_per_country_with_the_contract_columns()
    {
        var world = TestWorlds.Build(TestWorlds.HandComputed);
        var lines = Encoding.UTF8.GetString((await TestWorlds.Files(world))[ResultFiles.MonthsCsv]).TrimEnd('\n').Split('\n');
        Assert.StartsWith("month,country,licensedH100e,exemptH100e,smuggledH100e,deniedH100e,installedH100e,largestClusterH100e", lines[0]);
        Assert.Equal(1 + 6 * world.Context.Countries.Countries.Count, lines.Length);
        // Unauthorised H100e in the country's clusters (cn-site's smuggled H100s are unlawful compute), then the grey
        // market's four columns, empty in a world without one.
        Assert.EndsWith(",unauthorisedH100e,greyPriceUsdPerH100e,greyPremium,activeNetworks,rentedH100e", lines[0]);
        Assert.Contains("2024-02,CN,0,0,10,0,10,10,0,0,10,0,1,0,0,,,10,,,,", lines);
        Assert.Contains("2024-06,CN,0,0,10,0,50,50,0,0,10,0,0,0,0,,,50,,,,", lines);
        Assert.Contains("2024-06,SG,0,10,0,0,0,0,0,10,0,0,0,0,0,,,0,,,,", lines);
    }

    private static async Task<Simulation.RunResults> InMemoryRun(string scenario) =>
        await Simulation.InMemoryWorldHosts.RunAsync(WorldBuilder.Build(ScenarioLoader.Load(Paths.Scenario(scenario))));
}
