using SupplyChainSim.Model.Agents;
using SupplyChainSim.Model.Regimes;
using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Model.Trade;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Tests;

public class AgentTests
{
    private static readonly YearMonth January = YearMonth.Parse("2024-01");

    private static LicenceDecision Approved(string id, int chips) =>
        new(new Order(id, id, id, new AgentAddress(AgentKind.DataCentre, 0), "US", "US", "NVIDIA", "H100-SXM", chips, January),
            LicenceOutcome.Exempt, RuleId.NoLicenceRequired, new DecisionReason("test"));

    [Fact]
    public void A_chipmaker_produces_to_capacity_first_come_first_served_and_delivers_after_its_lead_time()
    {
        var maker = new Chipmaker
        {
            Spec = new ChipmakerSpec { Id = "NVIDIA", LeadTimeMonths = 2, Capacity = new Dictionary<string, int> { ["H100-SXM"] = 100 } },
        };
        // Month 0 makes 100 of a's 150; month 1 makes a's last 50 and 50 of b's; month 2 makes b's last 50.
        Assert.Empty(maker.Ship(January, [Approved("a", 150), Approved("b", 100)]));
        Assert.Empty(maker.Ship(January.AddMonths(1), []));
        Assert.Equal([($"a@{January}#1", 100)], maker.Ship(January.AddMonths(2), []).Select(l => (l.Id, l.Chips)));
        Assert.Equal([($"a@{January}#2", 50), ($"b@{January}#1", 50)], maker.Ship(January.AddMonths(3), []).Select(l => (l.Id, l.Chips)));
        Assert.True(maker.Busy);
        Assert.Equal([($"b@{January}#2", 50)], maker.Ship(January.AddMonths(4), []).Select(l => (l.Id, l.Chips)));
        Assert.False(maker.Busy);
    }

    [Fact]
    public void A_data_centre_orders_toward_its_target_then_goes_idle_and_reorders_after_a_denial()
    {
        var context = TestWorlds.Build(TestWorlds.HandComputed).Context;
        var site = DataCentre.Create(new DataCentreSpec
        {
            Id = "dc", Country = "US", ChipModel = "H100-SXM", TargetH100e = 25, OrderSizeH100e = 10, OrderEveryMonths = 2,
        }, context);
        var self = new AgentAddress(AgentKind.DataCentre, 0);
        var first = site.PlaceOrder(January, context, self);
        Assert.Equal(10, first!.Chips);
        Assert.Null(site.PlaceOrder(January.AddMonths(1), context, self)); // not due: every two months
        Assert.Equal(10, site.PlaceOrder(January.AddMonths(2), context, self)!.Chips);
        Assert.Equal(5, site.PlaceOrder(January.AddMonths(4), context, self)!.Chips);
        Assert.Null(site.PlaceOrder(January.AddMonths(6), context, self)); // 25 on order: target reached
        Assert.Null(site.NextOrder);
        site.Denied(January.AddMonths(6), first, context);
        Assert.Equal(January.AddMonths(8), site.NextOrder);
        Assert.Equal(10, site.PlaceOrder(January.AddMonths(8), context, self)!.Chips);
    }

    [Fact]
    public void A_growing_site_scales_target_and_order_size_by_its_yearly_growth_and_keeps_coming_back()
    {
        var context = TestWorlds.Build(TestWorlds.HandComputed).Context;
        var self = new AgentAddress(AgentKind.DataCentre, 0);
        // Growth 1.0 a year doubles the order size each year: 10, then 20, then 40 (target far away).
        var builder = DataCentre.Create(new DataCentreSpec
        {
            Id = "builder", Country = "US", ChipModel = "H100-SXM", TargetH100e = 1_000, OrderSizeH100e = 10, OrderEveryMonths = 12, GrowthPerYear = 1,
        }, context);
        Assert.Equal([10, 20, 40], new[] { 0, 12, 24 }.Select(m => builder.PlaceOrder(January.AddMonths(m), context, self)!.Chips));

        // And the target: 10 at the start, 10 x 2^0.5 = 14.14 at month 6, 20 at month 12, 28.28 at 18, 40 at 24.
        var site = DataCentre.Create(new DataCentreSpec
        {
            Id = "dc", Country = "US", ChipModel = "H100-SXM", TargetH100e = 10, OrderSizeH100e = 100, OrderEveryMonths = 6, GrowthPerYear = 1,
        }, context);
        Assert.Equal(10, site.PlaceOrder(January, context, self)!.Chips);
        Assert.Equal(5, site.PlaceOrder(January.AddMonths(6), context, self)!.Chips); // 4.14 missing, rounded up to whole chips
        Assert.Equal(5, site.PlaceOrder(January.AddMonths(12), context, self)!.Chips); // 20 - 15
        Assert.Null(site.PlaceOrder(January.AddMonths(17), context, self)); // not due
        Assert.Equal(9, site.PlaceOrder(January.AddMonths(18), context, self)!.Chips); // 28.28 - 20 = 8.28
        Assert.Equal(11, site.PlaceOrder(January.AddMonths(24), context, self)!.Chips); // 40 - 29
    }

    [Fact]
    public void A_growing_site_at_its_target_comes_back_when_the_target_has_grown()
    {
        var context = TestWorlds.Build(TestWorlds.HandComputed).Context;
        var self = new AgentAddress(AgentKind.DataCentre, 0);
        var site = DataCentre.Create(new DataCentreSpec
        {
            Id = "dc", Country = "US", ChipModel = "H100-SXM", TargetH100e = 10, OrderSizeH100e = 100, OrderEveryMonths = 1, GrowthPerYear = 1,
        }, context);
        Assert.Equal(10, site.PlaceOrder(January, context, self)!.Chips);
        // Month 1: target 10 x 2^(1/12) = 10.59, 10 held: one more chip; month 2: 11.22, 11 held: one more.
        Assert.Equal(1, site.PlaceOrder(January.AddMonths(1), context, self)!.Chips);
        Assert.Equal(1, site.PlaceOrder(January.AddMonths(2), context, self)!.Chips);
        // Month 3: 11.89 against 12 held: nothing, but the site stays due next month rather than going idle for good.
        Assert.Null(site.PlaceOrder(January.AddMonths(3), context, self));
        Assert.Equal(January.AddMonths(4), site.NextOrder);
    }

    [Fact]
    public void A_site_starts_with_what_it_installed_before_the_run_and_stops_ordering_after_its_last_month()
    {
        var context = TestWorlds.Build(TestWorlds.HandComputed).Context;
        // 1,000 H100e installed before the run, as 1,000 H100s: the site needs 10 more, in orders of 5.
        var site = DataCentre.Create(new DataCentreSpec
        {
            Id = "dc", Country = "US", ChipModel = "H100-SXM", TargetH100e = 1_010, OrderSizeH100e = 5, OrderEveryMonths = 1,
            InstalledH100e = 1_000, ActiveUntil = January.AddMonths(1),
        }, context);
        var before = Assert.Single(site.Acquisitions);
        Assert.Equal((DataCentre.BeforeRun, "H100-SXM", 1_000, Route.Exempt), (before.Seller, before.ChipModel, before.Chips, before.Route));
        Assert.Equal(1_000, site.Installed.H100e, 6);
        var self = new AgentAddress(AgentKind.DataCentre, 0);
        Assert.Equal(5, site.PlaceOrder(January, context, self)!.Chips);
        Assert.Equal(5, site.PlaceOrder(January.AddMonths(1), context, self)!.Chips);
        Assert.Null(site.PlaceOrder(January.AddMonths(2), context, self)); // after activeUntil, though 1,010 is not reached
        Assert.Null(site.NextOrder);
    }
}
