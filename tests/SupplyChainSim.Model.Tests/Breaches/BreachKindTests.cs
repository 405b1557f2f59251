using SupplyChainSim.Model.Breaches;
using SupplyChainSim.Model.MonteCarlo;
using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Model.Trade;
using SupplyChainSim.Model.Units;
using SupplyChainSim.ScenarioFiles;

namespace SupplyChainSim.Model.Tests;

/// <summary>
/// Each breach kind on a world small enough to work out by hand. The LPP allowance is 26,900,000 TPP =
/// 269,000,000 tenths; an H100 is 158,312 tenths, so one allowance is 1,699.1763 H100e.
/// </summary>
public class BreachKindTests
{
    private const double Allowance = 26_900_000 / 15_831.2;

    /// <summary>
    /// Two Malaysian consignees of one owner that links them each buy 900 H100s under the LPP in 2025: one in November
    /// (arriving in December), one in December (arriving in January 2026, a month's lead time).
    /// </summary>
    private const string YearBoundary = """
        {
          "formatVersion": 1, "name": "year-boundary", "seed": 1, "start": "2025-11", "months": 4,
          "regime": { "rules": [ { "rule": "diffusion-tiers" }, { "rule": "lpp-exemption" } ] },
          "chipmakers": [ { "id": "NVIDIA", "leadTimeMonths": 1, "capacity": { "H100-SXM": 10000 } } ],
          "dataCentres": { "sites": [
            { "id": "my-a", "country": "MY", "owner": "Front", "chipModel": "H100-SXM", "targetH100e": 900, "orderSizeH100e": 900, "linkAcrossSites": true },
            { "id": "my-b", "country": "MY", "owner": "Front", "chipModel": "H100-SXM", "targetH100e": 900, "orderSizeH100e": 900, "linkAcrossSites": true, "firstOrderMonth": 1 }
          ] }
        }
        """;

    [Fact]
    public async Task Lots_exported_in_one_year_count_against_that_year_even_when_they_arrive_in_the_next()
    {
        var results = await TestWorlds.Run(YearBoundary);
        Assert.All(results.Months.SelectMany(m => m.Decisions), d => Assert.Equal("lpp-exemption", d.Basis));

        // Both lots were exported in 2025: 1,800 H100e against one 2025 allowance, breached when the second arrives.
        var breach = Assert.Single(results.Breaches);
        Assert.Equal((YearMonth.Parse("2026-01"), BreachKind.PiecemealExemption), (breach.Month, breach.Kind));
        Assert.Equal(1800.0, breach.Cluster.H100e);
        Assert.Equal(1800 - Allowance, breach.Excess.H100e, 6);
        Assert.Equal("lpp-exemption: 1 allowance of 1,699.2 H100e for 2025", breach.LimitBasis);
        Assert.Equal([YearMonth.Parse("2025-12"), YearMonth.Parse("2026-01")], breach.Acquisitions.Select(a => a.Month));
        Assert.All(breach.Acquisitions, a => Assert.Equal(2025, a.Exported.Year));
    }

    /// <summary>
    /// Three Singapore shells each keep under 90% of the allowance a year (three lots of 500 H100s is 1,500 H100e) and
    /// forward every lot at once to one Malaysian owner, a Tier 2 country where H100s may go under the LPP.
    /// </summary>
    private const string Funnel = """
        {
          "formatVersion": 1, "name": "funnel", "seed": 1, "start": "2025-01", "months": 6,
          "regime": { "rules": [ { "rule": "diffusion-tiers" }, { "rule": "lpp-exemption" } ] },
          "chipmakers": [ { "id": "NVIDIA", "leadTimeMonths": 0, "capacity": { "H100-SXM": 10000 } } ],
          "dataCentres": { "sites": [ { "id": "my-dc", "country": "MY", "owner": "Front Co", "chipModel": "H100-SXM", "targetH100e": 0 } ] },
          "intermediaries": { "list": [
            { "id": "sg-net", "hub": "SG", "shells": 3, "splitFraction": 0.9, "buyer": "my-dc", "chipModel": "H100-SXM", "chipsPerOrder": 500, "delayMonths": 0 }
          ] }
        }
        """;

    [Fact]
    public async Task Shells_funnelling_exempt_purchases_to_an_owner_outside_tier_3_breach_the_exemption()
    {
        var results = await TestWorlds.Run(Funnel);
        Assert.All(results.Months.SelectMany(m => m.Decisions), d => Assert.Equal(("lpp-exemption", "SG"), (d.Basis, d.Order.DestinationCountry)));

        // 500 H100e a month: 2,000 by April is the first total above one consignee's 1,699.2 H100e.
        var breach = Assert.Single(results.Breaches);
        Assert.Equal((YearMonth.Parse("2025-04"), BreachKind.PiecemealExemption, "Front Co", "MY"), (breach.Month, breach.Kind, breach.Owner, breach.Country));
        Assert.Equal(2000 - Allowance, breach.Excess.H100e, 6);
        Assert.All(breach.Acquisitions, a => Assert.Equal((Route.Smuggled, "sg-net", "lpp-exemption", false), (a.Route, a.Via, a.Basis, a.Unlawful)));
        // Six lots by June: 3,000 H100e, 1,300.8 of them beyond the exemption.
        Assert.Equal(3000.0, breach.EndCluster.H100e);
        Assert.Equal(3000 - Allowance, breach.EndExcess.H100e, 6);
        Assert.Equal((Route.Smuggled, "sg-net"), (breach.EndMainContribution.Route, breach.EndMainContribution.Via));
    }

    [Fact]
    public async Task A_shells_yearly_budget_stops_its_orders_within_the_year_and_is_whole_again_in_january()
    {
        // One shell, 90% of the 1,699.2 H100e allowance a year = 1,529.3 H100e: three orders of 500 H100s fit, a fourth
        // (2,000) does not, so December 2025 is skipped; January 2026 starts a new budget.
        var oneShell = Funnel.Replace("\"shells\": 3", "\"shells\": 1").Replace("\"start\": \"2025-01\", \"months\": 6", "\"start\": \"2025-09\", \"months\": 5");
        var results = await TestWorlds.Run(oneShell);
        Assert.Equal(["2025-09", "2025-10", "2025-11", "2026-01"], results.Months.SelectMany(m => m.Decisions).Select(d => d.Order.Month.ToString()));
    }

    /// <summary>A Chinese lab holds 10,000 lawful H20s (not 3A090) when one smuggled lot of 100 H100s arrives.</summary>
    private const string LabWithH20s = """
        {
          "formatVersion": 1, "name": "lab", "seed": 1, "start": "2024-06", "months": 3,
          "chipmakers": [ { "id": "NVIDIA", "leadTimeMonths": 0, "capacity": { "H100-SXM": 1000, "H20": 10000 } } ],
          "dataCentres": { "sites": [
            { "id": "cn-lab", "country": "CN", "owner": "Lab", "chipModel": "H20", "targetH100e": 1495, "orderSizeH100e": 1495 }
          ] },
          "intermediaries": { "list": [
            { "id": "sg-broker", "hub": "SG", "shells": 1, "buyer": "cn-lab", "chipModel": "H100-SXM", "chipsPerOrder": 100, "orderEveryMonths": 12, "delayMonths": 1 }
          ] }
        }
        """;

    [Fact]
    public async Task Unlawful_compute_is_the_smuggled_lot_alone_not_the_lawful_chips_beside_it()
    {
        var results = await TestWorlds.Run(LabWithH20s);
        // 1,495 H100e of H20s (2,368 TPP each) is 9,995 chips: ceil(1,495 x 158,312 / 23,680).
        var h20s = Tpp.FromTpp(2368) * 9995;
        Assert.Equal(h20s, results.Months[^1].Countries.Single(c => c.Country == "CN").Installed - Tpp.OneH100e * 100);

        var breach = Assert.Single(results.Breaches);
        Assert.Equal((YearMonth.Parse("2024-07"), BreachKind.UnlawfulCompute), (breach.Month, breach.Kind));
        Assert.Equal((100.0, 0.0, 100.0), (breach.Cluster.H100e, breach.Permitted.H100e, breach.Excess.H100e));
        Assert.Equal(h20s + Tpp.OneH100e * 100, breach.LinkedCluster);
        Assert.Equal("baseline-3A090: presumption of denial for D:5 and Macau (no diverted compute permitted)", breach.LimitBasis);

        // The largest unauthorised cluster is ranked and reported by its unlawful part, the H20s beside it.
        var unauthorised = results.Months[^1].LargestUnauthorised!;
        Assert.Equal((BreachKind.UnlawfulCompute, Tpp.OneH100e * 100, h20s), (unauthorised.Kind, unauthorised.Excess, unauthorised.Lawful));
    }

    [Fact]
    public async Task Smuggled_chips_a_direct_export_would_also_have_reached_are_not_unlawful()
    {
        // H20s were not 3A090 in 2024: diverted or not, a direct export to China would have gone without a licence.
        var results = await TestWorlds.Run(LabWithH20s.Replace("\"chipModel\": \"H100-SXM\", \"chipsPerOrder\": 100", "\"chipModel\": \"H20\", \"chipsPerOrder\": 100"));
        Assert.Empty(results.Breaches);
        Assert.Equal(100, results.Months.Sum(m => m.Smuggled.Chips));
    }

    [Fact]
    public void Owners_at_restricted_destinations_and_those_supplied_by_intermediaries_run_no_clustering_software_only_if_told()
    {
        var world = TestWorlds.Build(Funnel.Replace(
            "\"dataCentres\": { \"sites\": [ { \"id\": \"my-dc\", \"country\": \"MY\", \"owner\": \"Front Co\", \"chipModel\": \"H100-SXM\", \"targetH100e\": 0 } ] },",
            """
            "dataCentres": { "sites": [
              { "id": "my-dc", "country": "MY", "owner": "Front Co", "chipModel": "H100-SXM", "targetH100e": 0 },
              { "id": "my-lawful", "country": "MY", "chipModel": "H100-SXM", "targetH100e": 0 },
              { "id": "cn-lab", "country": "CN", "chipModel": "H100-SXM", "targetH100e": 0 },
              { "id": "ae-cn-owned", "country": "AE", "ownerHeadquarters": "CN", "chipModel": "H100-SXM", "targetH100e": 0 },
              { "id": "cn-told", "country": "CN", "chipModel": "H100-SXM", "targetH100e": 0, "noClusteringCompliance": true }
            ] },
            """));
        var compliance = world.DataCentreBlocks.SelectMany(b => b.Sites).ToDictionary(s => s.Id, s => s.NoClusteringCompliance);
        Assert.Equal(false, compliance["my-dc"]); // supplied through sg-net
        Assert.Equal(true, compliance["my-lawful"]);
        Assert.Equal(false, compliance["cn-lab"]);
        Assert.Equal(false, compliance["ae-cn-owned"]);
        Assert.Equal(true, compliance["cn-told"]);
    }

    [Fact]
    public async Task Each_threshold_is_reached_in_the_first_month_some_cluster_excess_reaches_it()
    {
        // The funnel's excess: 300.8 H100e in April, 800.8 in May, 1,300.8 in June.
        var results = await TestWorlds.Run(Funnel.Replace("\"months\": 6,", "\"months\": 6, \"breachThresholdsH100e\": [ 300, 800.9, 5000 ],"));
        var outcome = Assert.Single(ReplicationSummary.Of(0, results).Kinds, k => k.Kind == BreachKind.PiecemealExemption);
        Assert.Equal(YearMonth.Parse("2025-04"), outcome.FirstBreach);
        Assert.Equal([(300.0, (YearMonth?)YearMonth.Parse("2025-04")), (800.9, YearMonth.Parse("2025-06")), (5000.0, null)],
            outcome.Thresholds.Select(t => (t.ThresholdH100e, t.FirstMonth)));
        Assert.Equal(3000 - Allowance, outcome.MaxExcess.H100e, 6);
        var unlawful = Assert.Single(ReplicationSummary.Of(0, results).Kinds, k => k.Kind == BreachKind.UnlawfulCompute);
        Assert.Equal((Tpp.Zero, (YearMonth?)null), (unlawful.MaxExcess, unlawful.FirstBreach));
    }

    [Theory]
    [InlineData("\"breachThresholdsH100e\": [ 1000, 100 ],", "$.breachThresholdsH100e[1]", "ascending order")]
    [InlineData("\"breachThresholdsH100e\": [ -5 ],", "$.breachThresholdsH100e[0]", "expected an excess in H100e above 0")]
    [InlineData("\"breachThresholdsH100eByKind\": { \"unlawful-compte\": [ 10 ] },", "$.breachThresholdsH100eByKind.unlawful-compte", "did you mean \"unlawful-compute\"")]
    public void Bad_thresholds_are_errors_at_their_place(string setting, string path, string message)
    {
        var json = Funnel.Replace("\"months\": 6,", "\"months\": 6,\n  " + setting);
        var error = Assert.Single(Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(json, "t.json")).Errors);
        Assert.Equal(("t.json", 3, path), (error.File, error.Line, error.JsonPath));
        Assert.Contains(message, error.Message);
    }
}
