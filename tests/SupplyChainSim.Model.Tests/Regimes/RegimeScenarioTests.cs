using SupplyChainSim.Model.Chips;
using SupplyChainSim.Model.Regimes;
using SupplyChainSim.Model.Regimes.Rules;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Units;
using SupplyChainSim.Model.Worlds;
using SupplyChainSim.ScenarioFiles;

using SupplyChainSim.Model.Trade;

namespace SupplyChainSim.Model.Tests;

/// <summary>Whole shipped scenarios: the regimes differ where the policy says they should.</summary>
public class RegimeScenarioTests
{
    private static readonly Dictionary<string, Task<RunResults>> Runs = [];

    private static Task<RunResults> Run(string scenario)
    {
        lock (Runs)
        {
            if (!Runs.TryGetValue(scenario, out var run))
                Runs[scenario] = run = Task.Run(() => InMemoryWorldHosts.RunAsync(WorldBuilder.Build(ScenarioLoader.Load(Paths.Scenario(scenario)))));
            return run;
        }
    }

    private static IEnumerable<LicenceDecision> Decisions(RunResults results) => results.Months.SelectMany(m => m.Decisions);

    [Theory]
    [InlineData("baseline-2023.json")]
    [InlineData("diffusion-rule-2025.json")]
    [InlineData("threshold-500.json")]
    public async Task No_3A090a_chip_is_approved_or_exempt_to_Tier_3(string scenario)
    {
        var results = await Run(scenario);
        var countries = ScenarioLoader.BuiltIn.Countries;
        var catalogue = ScenarioLoader.BuiltIn.Catalogue;
        var toTier3 = Decisions(results).Where(d => countries[d.Order.DestinationCountry].Tier == 3
            && Eccn3A090.Classify(catalogue[d.Order.ChipModel]) == ExportClass.Eccn3A090a
            && catalogue[d.Order.ChipModel].Maker != "Huawei").ToList();
        // Chinese labs no longer ask for what the rules refuse outright (they turn to other sources); what is asked is denied.
        Assert.All(toTier3, d => Assert.Equal(LicenceOutcome.Denied, d.Outcome));
        // And none of it arrives lawfully: Tier 3 gets 3A090.a chips of US makers only through the smuggling networks.
        var tier3 = results.Months.SelectMany(m => m.Deliveries).Where(d => countries[d.Country].Tier == 3
            && Eccn3A090.Classify(catalogue[d.ChipModel]) == ExportClass.Eccn3A090a && catalogue[d.ChipModel].Maker != "Huawei").ToList();
        Assert.Contains(tier3, d => d.Route == Route.Smuggled);
        Assert.All(tier3, d => Assert.Equal(Route.Smuggled, d.Route));
    }

    [Fact]
    public async Task Tier_2_licences_stop_at_the_cap_under_the_diffusion_rule_and_not_after_the_rescission()
    {
        var diffusion = await Run("diffusion-rule-2025.json");
        var rescission = await Run("rescission-2025.json");

        // Under the Diffusion Rule the UAE's licences under the cap add up to at most 790M TPP, then are denied.
        var uae = Decisions(diffusion).Where(d => d.Order.DestinationCountry == "AE" && d.DecidedBy.Is<CountryCap>()).ToList();
        var capped = uae.Where(d => d.Outcome == LicenceOutcome.Approved).Aggregate(Tpp.Zero, (sum, d) => sum + d.Compute);
        Assert.True(capped <= Tpp.FromTpp(790_000_000), $"{capped.H100e:N0} H100e licensed under the cap");
        Assert.True(capped > Tpp.FromH100e(45_000), $"the cap should be nearly used up: {capped.H100e:N0} H100e");
        var exhausted = uae.Where(d => d.Outcome == LicenceOutcome.Denied).Min(d => d.Order.Month);

        // From that month on, only what still fits under the cap reaches the UAE licensed (a Tier 2 buyer's order of a
        // few hundred H100e may fit where G42's 10,000 did not); after the rescission licensed chips keep coming.
        var headroom = Tpp.FromTpp(790_000_000) - uae.Where(d => d.Outcome == LicenceOutcome.Approved && d.Order.Month < exhausted).Aggregate(Tpp.Zero, (sum, d) => sum + d.Compute);
        double LicensedAfter(RunResults results) =>
            results.Months.Where(m => m.Month > exhausted.AddMonths(2)).Sum(m => m.Countries.Single(c => c.Country == "AE").Licensed.Compute.H100e);
        Assert.InRange(LicensedAfter(diffusion), 0, headroom.H100e);
        // The first order denied did not fit in what was left once that month's approvals were counted.
        var left = Tpp.FromTpp(790_000_000) - uae.Where(d => d.Outcome == LicenceOutcome.Approved && d.Order.Month <= exhausted).Aggregate(Tpp.Zero, (sum, d) => sum + d.Compute);
        var denied = uae.Where(d => d.Outcome == LicenceOutcome.Denied && d.Order.Month == exhausted).Max(d => d.Compute);
        Assert.True(left < denied, $"{left.H100e:N0} H100e left when an order of {denied.H100e:N0} H100e was denied");
        Assert.True(LicensedAfter(rescission) > 50_000);
        Assert.DoesNotContain(Decisions(rescission), d => d.DecidedBy.Is<CountryCap>() && d.Outcome == LicenceOutcome.Denied);
        double Installed(RunResults results) => results.Months[^1].Countries.Single(c => c.Country == "AE").Installed.H100e;
        Assert.True(Installed(rescission) > Installed(diffusion) + 100_000);
    }

    [Fact]
    public async Task The_500_H100e_threshold_pushes_small_buyers_from_exempt_into_licensing()
    {
        static (int Notified, int Applied) SmallBuyers(RunResults results)
        {
            var decisions = Decisions(results).Where(d => d.Order.Consignee.StartsWith("t2-", StringComparison.Ordinal) && d.Order.Month >= YearMonth.Parse("2025-05")).ToList();
            return (decisions.Count(d => d.Outcome == LicenceOutcome.Notified), decisions.Count(d => d.Outcome is LicenceOutcome.Approved or LicenceOutcome.Denied));
        }
        var at1699 = SmallBuyers(await Run("diffusion-rule-2025.json"));
        var at500 = SmallBuyers(await Run("threshold-500.json"));
        // Small buyers take 400 to 1,000 H100e a year from 2025: at 1,699 few need a licence (those with the largest
        // targets), at 500 most do, and their orders go to licensing (and its country caps) instead of a notice.
        Assert.True(at500.Applied > 10 * at1699.Applied, $"licence decisions: {at1699.Applied} at 1,699 H100e, {at500.Applied} at 500");
        Assert.True(at1699.Notified - at500.Notified > 2_000, $"notified: {at1699.Notified} at 1,699 H100e, {at500.Notified} at 500");
    }

    [Fact]
    public async Task H20_licences_are_denied_until_August_2025_then_granted_with_15_percent_while_Beijing_discourages_buyers()
    {
        var h20 = Decisions(await Run("chips-for-magnets-2025.json")).Where(d => d.Order.ChipModel == "H20" && d.Order.DestinationCountry == "CN").ToList();
        // From April to July 2025 the licence is refused: labs turn to other sources, and any H20 still asked for is denied.
        Assert.All(h20.Where(d => d.Order.Month >= YearMonth.Parse("2025-04") && d.Order.Month <= YearMonth.Parse("2025-07")),
            d => Assert.Equal((LicenceOutcome.Denied, "H20-licence"), (d.Outcome, d.Basis)));
        // Licences come in August, with the 15% share.
        var after = h20.Where(d => d.Order.Month >= YearMonth.Parse("2025-08")).ToList();
        Assert.Contains(after, d => d.Outcome == LicenceOutcome.Approved);
        Assert.All(after.Where(d => d.Outcome == LicenceOutcome.Approved), d => Assert.Equal((0.15, "magnet-concession"), (d.RevenueShare, d.Basis)));
        // Beijing's guidance is a standing state per owner, not a draw per order: about 90% of the owners who bought H20s
        // stop for good, and those who do not go on (the chip's last month on sale is 2025-08).
        var before = h20.Where(d => d.Order.Month < YearMonth.Parse("2025-04")).Select(d => d.Order.Owner).ToHashSet();
        var still = after.Select(d => d.Order.Owner).ToHashSet();
        Assert.True(still.Count <= before.Count * 0.3, $"{still.Count} of {before.Count} owners still order H20s after the guidance");
        Assert.Subset(before, still);
    }

    [Fact]
    public async Task After_the_H20_stops_and_Beijing_steers_its_buyers_off_it_H20s_reaching_China_from_2025_10_are_under_5_percent_of_2024s()
    {
        // chips-for-magnets-2025 runs the world's whole history, October 2023 to December 2027. The record: about a
        // million H20s to China in 2024, close to none after Beijing's guidance (2025-08) and the end of production.
        var deliveries = (await Run("chips-for-magnets-2025.json")).Months
            .SelectMany(m => m.Deliveries.Where(d => d.Country == "CN" && d.ChipModel == "H20").Select(d => (m.Month, d.Chips))).ToList();
        long Between(string from, string until) => deliveries.Where(d => d.Month >= YearMonth.Parse(from) && d.Month <= YearMonth.Parse(until)).Sum(d => d.Chips);
        var year2024 = Between("2024-01", "2024-12");
        var after = Between("2025-10", "2027-12");
        Assert.InRange(year2024, 500_000, 1_500_000);
        Assert.True(after < 0.05 * year2024, $"{after:N0} H20s from 2025-10, against {year2024:N0} in 2024");
    }

    [Fact]
    public async Task Each_scenario_names_its_regime_in_the_summary_and_decisions_in_licences_csv()
    {
        var results = await Run("gulf-deals-2025.json");
        var summary = System.Text.Encoding.UTF8.GetString(Output.ResultFiles.RenderSummary(results));
        Assert.Contains("{\"rule\":\"bilateral-quota\",\"country\":\"SA\",\"quotaH100ePerYear\":68200,\"from\":\"2025-05\",\"label\":\"deal-SA-Humain\"}", System.Text.RegularExpressions.Regex.Replace(summary, @"\s", ""));
        var licences = System.Text.Encoding.UTF8.GetString(Output.ResultFiles.RenderLicences(results)).Split('\n');
        Assert.Equal("month,exporter,chipModel,chips,h100e,destinationCountry,consignee,decision,rule,conditions,revenueShare", licences[0]);
        Assert.Contains(licences, l => l.StartsWith("2025-08,NVIDIA,GB300,", StringComparison.Ordinal) && l.Contains(",SA,sa-humain-1,approved,deal-SA-Humain: within the SA quota,"));
        Assert.Equal(Decisions(results).Count(), licences.Count(l => l.Length > 0) - 1);
    }

    [Fact]
    public async Task Rescission_decides_nothing_under_the_diffusion_rules_tiers_caps_or_LPP()
    {
        var bases = Decisions(await Run("rescission-2025.json")).Select(d => d.Basis).Distinct().ToList();
        Assert.DoesNotContain("diffusion-tiers", bases);
        Assert.DoesNotContain("lpp-exemption", bases);
        Assert.DoesNotContain("country-cap", bases);
        Assert.Contains("D1-D4-licence", bases);
    }

    [Fact]
    public async Task Lots_leaving_Malaysia_face_its_permit_check_from_July_2025()
    {
        var detections = (await Run("rescission-2025.json")).Months.SelectMany(m => m.Detections).ToList();
        var permit = detections.Where(d => d.Check == "transit-permit").ToList();
        Assert.NotEmpty(permit); // my-broker-1's lots leave Malaysian warehouses
        Assert.All(permit, d => Assert.Equal("MY", d.Country));
        Assert.All(permit, d => Assert.True(d.Month >= YearMonth.Parse("2025-07"), d.Month.ToString()));
    }

    [Fact]
    public async Task The_2025_replay_pays_a_share_on_H200s_and_delivers_almost_no_H20s_to_China_from_May_to_July_2025()
    {
        var results = await Run("chips-for-magnets-2025.json");
        // H200s licensed to China, Macau or their companies: only through the window, each paying its 25%. (Shells in
        // the UAE and Vietnam get H200s under the D:1/D:4 licence, with no share.)
        var h200 = Decisions(results).Where(d => d.Order.ChipModel == "H200-SXM" && d.Outcome == LicenceOutcome.Approved
            && d.Order.DestinationCountry is "CN" or "MO").ToList();
        Assert.NotEmpty(h200);
        Assert.All(h200, d => Assert.True(d.RevenueShareUsd > 0 && d.RevenueShare == 0.25, d.Rule));
        Assert.True(h200.Sum(d => d.RevenueShareUsd) > 0);

        long H20sToChina(string from, string until) => results.Months.Where(m => m.Month >= YearMonth.Parse(from) && m.Month <= YearMonth.Parse(until))
            .SelectMany(m => m.Deliveries).Where(f => f.ChipModel == "H20" && f.Country == "CN" && f.Via is null).Sum(f => f.Chips);
        var before = H20sToChina("2025-01", "2025-03");
        Assert.True(before > 10_000, $"{before:N0} H20s in January to March 2025");
        // NVIDIA reported no H20 sales to China-based customers in its May-July 2025 quarter: lots ordered before the
        // April requirement are stopped at the border.
        Assert.Equal(0, H20sToChina("2025-05", "2025-07"));
        Assert.Contains(Decisions(results), d => d.Order.ChipModel == "H20" && d.Reason.At == DecisionPoint.Border);
    }

    [Fact]
    public async Task No_chip_is_ordered_before_it_shipped_and_a_run_from_2023_to_2024_has_no_GB300()
    {
        var catalogue = ScenarioLoader.BuiltIn.Catalogue;
        var results = await Run("baseline-2023.json");
        Assert.All(Decisions(results), d => Assert.True(catalogue[d.Order.ChipModel].AvailableFrom is not { } available || d.Order.Month >= available,
            $"{d.Order.ChipModel} ordered in {d.Order.Month}"));
        var to2024 = await InMemoryWorldHosts.RunAsync(WorldBuilder.Build(ScenarioLoader.Load(Paths.Scenario("baseline-2023.json")).WithMonths(15)));
        Assert.DoesNotContain(to2024.Months.SelectMany(m => m.Deliveries), f => f.ChipModel == "GB300");
        Assert.DoesNotContain(Decisions(to2024), d => d.Order.ChipModel == "GB300");
    }

    [Fact]
    public async Task Humain_orders_nothing_before_it_was_founded()
    {
        var humain = Decisions(await Run("gulf-deals-2025.json")).Where(d => d.Order.Buyer == "sa-humain-1").ToList();
        Assert.NotEmpty(humain);
        Assert.True(humain.Min(d => d.Order.Month) >= YearMonth.Parse("2025-05"));
    }
}
