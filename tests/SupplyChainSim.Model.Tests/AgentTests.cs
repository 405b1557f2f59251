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
        new(new Order(id, id, id, id, new AgentAddress(AgentKind.DataCentre, 0), "US", "US", "NVIDIA", "H100-SXM", chips, January),
            LicenceOutcome.Exempt, "test");

    [Fact]
    public void A_chipmaker_produces_to_capacity_first_come_first_served_and_delivers_after_its_lead_time()
    {
        var maker = new Chipmaker
        {
            Spec = new ChipmakerSpec { Id = "NVIDIA", LeadTimeMonths = 2, Capacity = new Dictionary<string, int> { ["H100-SXM"] = 100 } },
        };
        // Month 0 makes 100 of a's 150; month 1 makes a's last 50 and 50 of b's; month 2 makes b's last 50.
        Assert.Empty(maker.TakeOrdersAndShip(January, [Approved("a", 150), Approved("b", 100)]));
        Assert.Empty(maker.TakeOrdersAndShip(January.AddMonths(1), []));
        Assert.Equal([("a#1", 100)], maker.TakeOrdersAndShip(January.AddMonths(2), []).Select(l => (l.Id, l.Chips)));
        Assert.Equal([("a#2", 50), ("b#1", 50)], maker.TakeOrdersAndShip(January.AddMonths(3), []).Select(l => (l.Id, l.Chips)));
        Assert.True(maker.Busy);
        Assert.Equal([("b#2", 50)], maker.TakeOrdersAndShip(January.AddMonths(4), []).Select(l => (l.Id, l.Chips)));
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
        site.Denied(January.AddMonths(6), first);
        Assert.Equal(January.AddMonths(8), site.NextOrder);
        Assert.Equal(10, site.PlaceOrder(January.AddMonths(8), context, self)!.Chips);
    }
}
