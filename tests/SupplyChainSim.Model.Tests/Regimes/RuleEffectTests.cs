using SupplyChainSim.Model.Regimes;
using SupplyChainSim.Model.Regimes.Rules;
using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Model.Units;
using SupplyChainSim.ScenarioFiles;

namespace SupplyChainSim.Model.Tests;

/// <summary>Settings that must change what happens: third-party testing, transit hubs, markups, buyers' governments.</summary>
public class RuleEffectTests
{
    private static readonly Chips.ChipSpec H100 = ScenarioLoader.BuiltIn.Catalogue["H100-SXM"];
    private static readonly Countries.CountryList Countries = ScenarioLoader.BuiltIn.Countries;
    private static readonly ChipmakerSpec Nvidia = new() { Id = "NVIDIA", Capacity = new Dictionary<string, int> { ["H100-SXM"] = 1000 } };

    [Fact]
    public void Exporters_diligence_under_the_May_2025_guidance_watches_exports_to_transit_hubs_only()
    {
        var regime = new ExportRegime([new DiversionGuidance { ExporterDiligence = 0.1 }]);
        var month = YearMonth.Parse("2025-06");
        Assert.Equal(0.1, regime.Decide(LicenceRequest.For(H100, Nvidia, Countries["SG"], 10, month)).Conditions.ExporterMonitoring);
        Assert.Equal(0.0, regime.Decide(LicenceRequest.For(H100, Nvidia, Countries["IN"], 10, month)).Conditions.ExporterMonitoring);
    }

    [Fact]
    public void A_forbidding_government_stops_its_buyers_ordering_while_a_discouraging_one_stops_some()
    {
        var month = YearMonth.Parse("2025-09");
        var h20 = ScenarioLoader.BuiltIn.Catalogue["H20"];
        var forbid = new ExportRegime([new PurchaseRestriction { Countries = ["CN"], ChipModels = ["H20"], Policy = PurchasePolicy.Forbid }]);
        Assert.Equal(LicenceOutcome.Denied, forbid.Decide(LicenceRequest.For(h20, Nvidia, Countries["CN"], 10, month)).Outcome);
        Assert.Equal(LicenceOutcome.Exempt, forbid.Decide(LicenceRequest.For(h20, Nvidia, Countries["SG"], 10, month)).Outcome);

        // Discouraged with compliance 0.9: over many buyers, about 90% give the purchase up, each by its own draw.
        var discourage = new ExportRegime([new PurchaseRestriction { Countries = ["CN"], ChipModels = ["H20"], Policy = PurchasePolicy.Discourage, Compliance = 0.9 }]);
        var streams = new Randomness.RandomStreams(7);
        var givenUp = Enumerable.Range(0, 2000).Count(i => discourage.Decide(
            LicenceRequest.For(h20, Nvidia, Countries["CN"], 10, month, buyer: $"lab-{i}") with { Streams = streams }).Outcome == LicenceOutcome.Denied);
        Assert.InRange(givenUp, 1740, 1860);
    }

    private const string ThirdParty = """
        {
          "formatVersion": 1, "name": "third-party", "seed": 1, "start": "2026-01", "months": 4,
          "regime": { "rules": [ { "rule": "exemption-conditions", "thirdPartyTesting": true } ] },
          "chipmakers": [ { "id": "NVIDIA", "leadTimeMonths": 1, "capacity": { "H100-SXM": 1000 } } ],
          "dataCentres": { "sites": [ { "id": "in-dc", "country": "IN", "chipModel": "H100-SXM", "targetH100e": 10, "orderSizeH100e": 10 } ] }
        }
        """;

    [Fact]
    public async Task Third_party_testing_adds_a_month_to_every_delivery()
    {
        // Ordered in January with a month's lead time: February without testing, March with it.
        static YearMonth Arrives(Simulation.RunResults r) => r.Months.First(m => m.Deliveries.Count > 0).Month;
        Assert.Equal(YearMonth.Parse("2026-03"), Arrives(await TestWorlds.Run(ThirdParty)));
        Assert.Equal(YearMonth.Parse("2026-02"), Arrives(await TestWorlds.Run(ThirdParty.Replace("\"thirdPartyTesting\": true", "\"thirdPartyTesting\": false"))));
    }

    [Fact]
    public async Task An_intermediarys_markup_prices_what_its_buyer_pays_for_smuggled_chips()
    {
        // Five lots of 10 H100s forwarded by June, at 33,600 USD each plus the markup.
        static double Value(Simulation.RunResults r) => r.Months.Sum(m => m.SmuggledValueUsd);
        var plain = await TestWorlds.Run(TestWorlds.HandComputed);
        Assert.Equal(50 * 33_600 * 1.3, Value(plain), 6); // the default markup, 0.3
        var dear = await TestWorlds.Run(TestWorlds.HandComputed.Replace("\"delayMonths\": 1 }", "\"delayMonths\": 1, \"markup\": 1 }"));
        Assert.Equal(50 * 33_600 * 2.0, Value(dear), 6);
    }
}
