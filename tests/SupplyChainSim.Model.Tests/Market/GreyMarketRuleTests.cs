using SupplyChainSim.Model.Market;

namespace SupplyChainSim.Model.Tests.Market;

/// <summary>The grey market's rules by hand: the price, a network's margin and lot, a lab's split of its demand.</summary>
public class GreyMarketRuleTests
{
    private static readonly NetworkEconomicsSpec Economics = new() { TransportCost = 0.05, TargetMargin = 0.3 };

    // An H100 at 30,000 USD, sold in servers of 8, that the grey market pays 45,000 USD an H100e for.
    private static readonly GreyOffer H100 = new("Hopper", "H100-SXM", 30_000, 1, 8, Premium: 0.5);

    [Fact]
    public void The_premium_moves_by_demand_over_supply_to_the_adjustment_power_and_at_most_the_monthly_change()
    {
        // (1 + 0.5) x ((300 + 1) / (100 + 1))^0.5 - 1 = 1.5 x 1.72633 - 1 = 1.58949
        var spec = new GreyMarketSpec { PriceAdjustment = 0.5, MaxMonthlyChange = 1 };
        Assert.Equal(1.5894875, GreyPrice.NextPremium(0.5, demand: 300, supply: 100, spec), 6);
        // At most 15% a month: 1.5 x 1.15 - 1 up, 1.5 / 1.15 - 1 down.
        var damped = spec with { MaxMonthlyChange = 0.15 };
        Assert.Equal(0.725, GreyPrice.NextPremium(0.5, demand: 300, supply: 100, damped), 9);
        Assert.Equal(0.304348, GreyPrice.NextPremium(0.5, demand: 100, supply: 300, damped), 6);
    }

    [Fact]
    public void The_premium_stays_within_its_bounds_and_holds_when_nothing_trades()
    {
        var spec = new GreyMarketSpec { PriceAdjustment = 1, MinPremium = 0, MaxPremium = 2, MaxMonthlyChange = 100 };
        Assert.Equal(2, GreyPrice.NextPremium(0.5, demand: 1_000_000, supply: 0, spec));
        Assert.Equal(0, GreyPrice.NextPremium(0.5, demand: 0, supply: 1_000_000, spec));
        Assert.Equal(0.5, GreyPrice.NextPremium(0.5, demand: 0, supply: 0, spec));
    }

    [Fact]
    public void A_network_weighs_the_grey_price_against_cost_and_expected_loss_and_scales_its_lot_by_the_margin()
    {
        // Lot of 400 (capacity): cost 400 x 30,000 x 1.05 = 12,600,000; revenue 400 x 45,000 = 18,000,000.
        // Profit 0.9 x 18,000,000 - 12,600,000 - 0.1 x 500,000 = 3,550,000: margin 0.28175, 0.93915 of the 0.3 target:
        // 375 chips, 368 in whole servers of 8.
        var choice = NetworkDecision.Choose([H100], capacityChips: 400, capitalUsd: 100e6, detection: 0.1, listingLossUsd: 500_000, Economics)!;
        Assert.Equal(0.281746, choice.MarginRate, 6);
        Assert.Equal(368, choice.Chips);
    }

    [Fact]
    public void A_network_buys_less_when_detection_doubles_and_nothing_when_the_margin_is_gone()
    {
        // Detection 0.2: profit 0.8 x 18,000,000 - 12,600,000 - 100,000 = 1,700,000, margin 0.13492: 179.9 chips, 176 in servers.
        Assert.Equal(176, NetworkDecision.Choose([H100], 400, 100e6, detection: 0.2, 500_000, Economics)!.Chips);
        // Detection 0.3: profit 0.7 x 18,000,000 - 12,600,000 - 150,000 < 0: deterred.
        var deterred = NetworkDecision.Choose([H100], 400, 100e6, detection: 0.3, 500_000, Economics)!;
        Assert.True(deterred.MarginRate < 0);
        Assert.Equal(0, deterred.Chips);
    }

    [Fact]
    public void A_network_takes_the_chip_with_the_best_margin_and_its_capital_bounds_the_lot()
    {
        // A rack chip (72 a rack) at 30,000 USD with 3.79 H100e, where the grey market pays 12,000 USD an H100e:
        // revenue per chip 45,480 against the H100's 45,000, so it wins. Capital of 5,000,000 buys 158 chips
        // (5,000,000 / 31,500): two racks, 144 chips, whose margin passes the target, so all 144 are bought.
        var rack = new GreyOffer("Blackwell", "GB300", 30_000, 3.79, 72, Premium: 12_000 / (30_000 / 3.79) - 1);
        var choice = NetworkDecision.Choose([H100, rack], capacityChips: 400, capitalUsd: 5e6, detection: 0, listingLossUsd: 500_000, Economics)!;
        Assert.Equal("GB300", choice.Offer.ChipModel);
        Assert.Equal(144, choice.Chips);
        Assert.Null(NetworkDecision.Choose([rack], 400, capitalUsd: 1e6, 0, 0, Economics)); // not one rack within its capital
    }

    [Fact]
    public void Given_a_draw_a_network_picks_among_chips_with_weights_by_margin()
    {
        // The two chips above at 5,000,000 USD of capital: the H100's lot of 152 has margin 13,500 / 31,500 = 0.428571,
        // the rack's 0.443810. Weights e^(10 x (0.428571 - 0.443810)) = 0.858661 and 1: the H100 takes draws below
        // 0.858661 / 1.858661 = 0.461978.
        var rack = new GreyOffer("Blackwell", "GB300", 30_000, 3.79, 72, Premium: 12_000 / (30_000 / 3.79) - 1);
        var economics = Economics with { ChoiceSensitivity = 10 };
        Assert.Equal("H100-SXM", NetworkDecision.Choose([H100, rack], 400, 5e6, 0, 500_000, economics, draw: 0.461)!.Offer.ChipModel);
        Assert.Equal("GB300", NetworkDecision.Choose([H100, rack], 400, 5e6, 0, 500_000, economics, draw: 0.463)!.Offer.ChipModel);
        Assert.Equal(152, NetworkDecision.Choose([H100, rack], 400, 5e6, 0, 500_000, economics, draw: 0)!.Chips);
    }

    [Fact]
    public void A_lab_splits_its_demand_by_a_logit_of_costs_and_a_closed_source_gets_nothing()
    {
        // Weights 1 and exp(-3 x 0.2) = 0.54881: shares 0.64566 and 0.35434; the infinite and the zero cost are closed.
        var shares = SourceChoice.Shares([1000, 1200, double.PositiveInfinity, 0], sensitivity: 3);
        Assert.Equal([0.645656, 0.354344, 0, 0], shares.Select(s => Math.Round(s, 6)));
        Assert.Equal([0.0, 0.0], SourceChoice.Shares([double.NaN, -1], 3));
    }

    [Fact]
    public void A_source_costs_its_price_spread_over_the_amortisation_plus_running_it_over_its_performance()
    {
        var buyers = new BuyerChoiceSpec { AmortisationMonths = 48, OperatingUsdPerH100eMonth = 250, RentalUsdPerH100eHour = 4, RemotePerformance = 0.9 };
        Assert.Equal(1187.5, SourceChoice.BoughtCostPerMonth(45_000, performance: 1, buyers), 9); // 45,000 / 48 + 250
        Assert.Equal(2375, SourceChoice.BoughtCostPerMonth(45_000, performance: 0.5, buyers), 9);
        Assert.Equal(4 * 730.5 / 0.9, SourceChoice.RentedCostPerMonth(buyers), 9);
    }
}
