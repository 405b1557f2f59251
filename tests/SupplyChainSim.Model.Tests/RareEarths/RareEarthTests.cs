using System.Text;
using SupplyChainSim.Model.RareEarths;
using SupplyChainSim.Model.Regimes;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Units;
using SupplyChainSim.Model.Worlds;
using SupplyChainSim.Output;
using SupplyChainSim.ScenarioFiles;

namespace SupplyChainSim.Model.Tests;

public class RareEarthTests
{
    /// <summary>
    /// China freezes magnets from the start. The US needs 100 t a month, 70 t of it normally from China, and holds one
    /// month of stock; alternative supply stays at 30 t. Stock: 100 + 30 - 100 = 30 (no shortage), then 30 + 30 - 100
    /// = -40 (shortage 0.4), then 0.7 every month after. A Chinese lab orders H20s monthly; the H20 needs a licence.
    /// </summary>
    private static string Frozen(string concessionRule = "") => $$"""
        {
          "formatVersion": 1, "name": "frozen", "seed": 5, "start": "2025-01", "months": 6,
          "rareEarths": {
            "exporter": { "country": "CN", "policy": [ { "from": "2025-01", "policy": "frozen" } ], "acceptsQuotaH100ePerMonth": 50 },
            "importers": [ { "country": "US", "monthlyNeedTonnes": 100, "shareFromExporter": 0.7, "stockMonths": 1, "alternativeGrowthPerMonth": 0 } ]
            {{concessionRule}}
          },
          "regime": { "rules": [
            { "rule": "baseline-3A090" },
            { "rule": "model-licence", "chipModels": [ "H20" ], "destinations": [ "CN" ], "policy": "deny" }
          ] },
          "chipmakers": [ { "id": "NVIDIA", "leadTimeMonths": 0, "capacity": { "H20": 1000 } } ],
          "dataCentres": { "sites": [
            { "id": "cn-lab", "country": "CN", "chipModel": "H20", "targetH100e": 1000, "orderSizeH100e": 15, "orderEveryMonths": 1 }
          ] }
        }
        """;

    private const string Rule = """
        , "concessionRule": { "importer": "US", "trigger": "shortage", "threshold": 0.3, "forMonths": 2,
                              "chipModels": [ "H20" ], "revenueShare": 0.15, "quotaH100ePerMonth": 100 }
        """;

    private static double[] Shortage(RunResults results) =>
        results.Months.Select(m => m.RareEarths.Importers.Single(i => i.Country == "US").Shortage).ToArray();

    [Fact]
    public async Task A_freeze_with_no_concession_rule_leaves_the_shortage_growing()
    {
        var results = await TestWorlds.Run(Frozen());
        var shortage = Shortage(results);
        Assert.Equal([0, 0.4, 0.7, 0.7, 0.7, 0.7], shortage.Select(s => Math.Round(s, 6)));
        Assert.Empty(results.Months.SelectMany(m => m.RareEarths.Events));
        Assert.All(results.Months.SelectMany(m => m.Decisions), d => Assert.Equal(LicenceOutcome.Denied, d.Outcome));
    }

    [Fact]
    public async Task With_the_rule_the_concession_comes_in_the_month_it_implies_and_H20s_flow_from_then()
    {
        var results = await TestWorlds.Run(Frozen(Rule));
        // Shortage 0.4 in February and 0.7 in March: two months at 0.3 or more, so the offer (and, since 100 >= 50
        // H100e a month, the acceptance) comes in March; magnets flow again from April.
        var events = results.Months.SelectMany(m => m.RareEarths.Events).ToList();
        Assert.Equal([("2025-03", "concession-offered"), ("2025-03", "concession-accepted")], events.Select(e => (e.Month.ToString(), e.Type)));
        Assert.Equal([0, 0.4, 0.7, 0, 0, 0], Shortage(results).Select(s => Math.Round(s, 6)));

        var h20 = results.Months.SelectMany(m => m.Decisions).Where(d => d.Order.ChipModel == "H20").ToList();
        var march = YearMonth.Parse("2025-03");
        Assert.All(h20.Where(d => d.Order.Month < march), d => Assert.Equal(LicenceOutcome.Denied, d.Outcome));
        Assert.All(h20.Where(d => d.Order.Month >= march), d => Assert.Equal((LicenceOutcome.Approved, "magnet-concession", 0.15), (d.Outcome, d.Basis, d.RevenueShare)));
        var delivered = results.Months.Select(m => m.Countries.Single(c => c.Country == "CN").Licensed.Chips).ToList();
        Assert.Equal(0, delivered.Take(2).Sum());
        Assert.True(delivered.Skip(2).All(chips => chips > 0));
    }

    [Fact]
    public async Task An_exporter_that_wants_more_refuses_and_nothing_changes()
    {
        var results = await TestWorlds.Run(Frozen(Rule.Replace("\"quotaH100ePerMonth\": 100", "\"quotaH100ePerMonth\": 10")));
        Assert.DoesNotContain(results.Months.SelectMany(m => m.RareEarths.Events), e => e.Type == "concession-accepted");
        Assert.Contains(results.Months.SelectMany(m => m.RareEarths.Events), e => e.Type == "concession-offered");
        Assert.Equal(0.7, Math.Round(Shortage(results)[^1], 6));
    }

    [Fact]
    public async Task Shortage_slows_the_importers_build_out()
    {
        var json = Frozen().Replace("\"alternativeGrowthPerMonth\": 0 }", "\"alternativeGrowthPerMonth\": 0, \"buildOutElasticity\": 0.5 }")
            .Replace("""{ "id": "cn-lab",""", """{ "id": "us-lab", "country": "US", "chipModel": "H20", "targetH100e": 1000, "orderSizeH100e": 100, "orderEveryMonths": 1 }, { "id": "cn-lab",""");
        var ordered = (await TestWorlds.Run(json)).Months.Select(m => m.Decisions.Where(d => d.Order.Buyer == "us-lab").Sum(d => d.Compute.H100e)).ToList();
        // 100 H100e a month, less half the shortage: 100, 80, 65, 65...
        Assert.Equal([100, 80, 65, 65, 65, 65], ordered.Select(h => Math.Round(h, 0)));
    }

    [Fact]
    public async Task Months_csv_and_events_jsonl_carry_the_magnet_side()
    {
        var files = await TestWorlds.Files(TestWorlds.Build(Frozen(Rule)));
        var months = Encoding.UTF8.GetString(files[ResultFiles.MonthsCsv]).Split('\n');
        Assert.Contains(",magnetSupplyIndex,magnetShortage,unauthorisedH100e,", months[0]);
        Assert.EndsWith(",0.3,0.4,0,,,,", months.Single(l => l.StartsWith("2025-02,US,", StringComparison.Ordinal)));
        Assert.EndsWith(",,,0,,,,", months.Single(l => l.StartsWith("2025-02,CN,", StringComparison.Ordinal)));
        var events = Encoding.UTF8.GetString(files[ResultFiles.EventsJsonl]).TrimEnd('\n').Split('\n');
        Assert.Equal(2, events.Length);
        Assert.StartsWith("{\"month\":\"2025-03\",\"type\":\"concession-offered\",\"importer\":\"US\",\"exporter\":\"CN\"", events[0]);
        Assert.Contains("\"concessionsAccepted\": 1", Encoding.UTF8.GetString(files[ResultFiles.Summary]));
    }

    [Fact]
    public async Task The_2025_replay_and_the_leverage_scenario_both_end_in_a_concession()
    {
        static async Task<RunResults> Run(string name) => await InMemoryWorldHosts.RunAsync(WorldBuilder.Build(ScenarioLoader.Load(Paths.Scenario(name))));
        var replay = await Run("chips-for-magnets-2025.json");
        Assert.Equal(YearMonth.Parse("2025-08"), replay.Months.SelectMany(m => m.RareEarths.Events).Single(e => e.Type == "concession-accepted").Month);
        var leverage = await Run("magnets-leverage-2025.json");
        var accepted = leverage.Months.SelectMany(m => m.RareEarths.Events).Single(e => e.Type == "concession-accepted");
        var h20 = leverage.Months.SelectMany(m => m.Decisions).Where(d => d.Order.ChipModel == "H20" && d.Order.DestinationCountry == "CN").ToList();
        Assert.All(h20.Where(d => d.Order.Month >= YearMonth.Parse("2025-04") && d.Order.Month < accepted.Month), d => Assert.Equal(LicenceOutcome.Denied, d.Outcome));
        Assert.Contains(h20, d => d.Order.Month >= accepted.Month && d.Outcome == LicenceOutcome.Approved);
    }

    [Fact]
    public void Stocks_refill_only_to_their_usual_level_and_alternatives_grow_only_while_the_exporter_holds_back()
    {
        // Need 100 t, 70 from the exporter, one month of stock, alternatives growing 10% a month while it holds back.
        // January to March open: 70 + 30 = 100 a month, stock 100, alternatives 30. April to June licensed at 0.26:
        // 18.2 from the exporter; April 18.2 + 30 = 48.2 (stock 48.2), May 18.2 + 33 = 51.2 (stock -0.6: shortage
        // 0.006), June 18.2 + 36.3 = 54.5 (shortage 0.455). July open again: 70 + 39.93 = 109.93, stock 9.93.
        var spec = ScenarioLoader.Parse("""
            {
              "formatVersion": 1, "name": "licensed", "seed": 1, "start": "2025-01", "months": 8,
              "rareEarths": {
                "exporter": { "country": "CN", "policy": [ { "from": "2025-04", "policy": "licensed", "approvalRate": 0.26 }, { "from": "2025-07", "policy": "open" } ] },
                "importers": [ { "country": "US", "monthlyNeedTonnes": 100, "shareFromExporter": 0.7, "stockMonths": 1, "alternativeGrowthPerMonth": 0.1 } ]
              },
              "chipmakers": [ { "id": "NVIDIA", "capacity": { "H100-SXM": 10 } } ],
              "dataCentres": { "sites": [ { "id": "us", "country": "US", "chipModel": "H100-SXM", "targetH100e": 1 } ] }
            }
            """).Spec.RareEarths;
        var market = RareEarthMarket.Create(spec);
        var months = Enumerable.Range(0, 8).Select(i => market.TradeMagnets(spec, YearMonth.Parse("2025-01").AddMonths(i)).Importers.Single()).ToList();
        Assert.Equal([1, 1, 1, 0.26, 0.26, 0.26, 1, 1], months.Select(m => m.FromExporterVsNormal));
        Assert.Equal([0, 0, 0, 0, 0.006, 0.455, 0, 0], months.Select(m => Math.Round(m.Shortage, 3)));
        Assert.Equal([100, 100, 100, 48.2, 0, 0, 9.93, 19.86], months.Select(m => Math.Round(m.StockTonnes, 2)));
    }
}
