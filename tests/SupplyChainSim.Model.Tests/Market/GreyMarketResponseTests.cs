using System.Text.Json.Nodes;
using SupplyChainSim.Model.Market;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.ScenarioFiles;
using Xunit.Abstractions;

namespace SupplyChainSim.Model.Tests.Market;

/// <summary>
/// How the grey market answers a regime on the shipped backcast world, each pair of arms run on the same replication
/// seeds (the same networks drawn, the same world): tighter customs deter more than they seize, and a lawful supply cut
/// raises the grey premium first and the number of networks after it.
/// </summary>
public class GreyMarketResponseTests(ITestOutputHelper log)
{
    private const int ReplicationCount = 3;

    private static Task<IReadOnlyList<RunResults>> RunAsync(params ScenarioOverride[] overrides) =>
        Testing.Replications.RunInMemory(ScenarioLoader.Load(Paths.Scenario("backcast-2024.json"), overrides), ReplicationCount);

    private static ScenarioOverride Customs(double detection) => ScenarioOverride.Parse($"enforcement.hubCustomsDetection={detection}");

    private static double Sum(IEnumerable<RunResults> runs, Func<GreyMarketMonth, double> value) =>
        runs.SelectMany(r => r.Months).Sum(m => m.GreyMarket is { } grey ? value(grey) : 0);

    [Fact]
    public async Task Doubling_hub_customs_lowers_smuggled_compute_by_more_than_the_extra_seizures()
    {
        var single = await RunAsync(Customs(0.1));
        var doubled = await RunAsync(Customs(0.2));
        var fewerSmuggled = Sum(single, g => g.SmuggledWork) - Sum(doubled, g => g.SmuggledWork);
        var moreSeized = Sum(doubled, g => g.SeizedWork) - Sum(single, g => g.SeizedWork);
        log.WriteLine($"smuggled {Sum(single, g => g.SmuggledWork):N0} -> {Sum(doubled, g => g.SmuggledWork):N0} H100e of work, seized {Sum(single, g => g.SeizedWork):N0} -> {Sum(doubled, g => g.SeizedWork):N0}");
        Assert.True(moreSeized > 0, $"stricter customs seize more: {moreSeized:N0} H100e");
        // What is neither smuggled nor seized under the stricter customs was never attempted: networks deterred by a
        // thinner margin, or gone.
        Assert.True(fewerSmuggled > moreSeized, $"smuggled fell by {fewerSmuggled:N0} H100e, seizures rose by {moreSeized:N0}");
    }

    [Fact]
    public async Task Cutting_lawful_H20s_raises_the_grey_premium_and_then_the_number_of_networks_within_12_months()
    {
        // The backcast's rules, and in one arm a licence for the H20 to China refused from 2024-01.
        JsonNode Rules(bool cut) => JsonNode.Parse($$"""
            [
              { "rule": "baseline-3A090" },
              { "rule": "destination-licence", "destinations": [ "D:1", "D:4" ], "policy": "approve", "label": "D1-D4-licence" }
              {{(cut ? """, { "rule": "model-licence", "chipModels": [ "H20" ], "destinations": [ "D:5" ], "policy": "deny", "from": "2024-01" }""" : "")}}
            ]
            """)!;
        var open = await RunAsync(ScenarioOverride.At("$.regime.rules", Rules(false), "test"));
        var cut = await RunAsync(ScenarioOverride.At("$.regime.rules", Rules(true), "test"));

        // Month by month from the cut, averaged over the replications: the first month the cut arm's premium is above
        // the open arm's, and the first month it has more networks trading.
        double Mean(IReadOnlyList<RunResults> runs, int month, Func<GreyMarketMonth, double> value) => runs.Average(r => value(r.Months[month].GreyMarket!));
        var from = open[0].Months.ToList().FindIndex(m => m.Month.ToString() == "2024-01");
        int? First(Func<GreyMarketMonth, double> value) =>
            Enumerable.Range(from, Math.Min(13, open[0].Months.Count - from)).Cast<int?>().FirstOrDefault(m => Mean(cut, m!.Value, value) > Mean(open, m.Value, value) * 1.02);
        foreach (var m in Enumerable.Range(0, open[0].Months.Count))
            log.WriteLine($"{open[0].Months[m].Month}: premium {Mean(open, m, g => g.Premium):0.000} / {Mean(cut, m, g => g.Premium):0.000}, " +
                $"networks {Mean(open, m, g => g.ActiveNetworks):0.0} / {Mean(cut, m, g => g.ActiveNetworks):0.0} (open / cut)");
        var premium = First(g => g.Premium);
        var networks = First(g => g.ActiveNetworks);
        log.WriteLine($"premium first higher in month {premium - from} of the cut, networks in month {networks - from}");
        Assert.True(premium is not null, "the premium rises within 12 months of the cut");
        Assert.True(networks is not null, "more networks trade within 12 months of the cut");
        Assert.True(premium <= networks, $"the premium rises first (month {premium - from}), networks follow (month {networks - from})");
        Assert.True(Sum(cut, g => g.LawfulWork) < Sum(open, g => g.LawfulWork) / 10, "the cut arm's labs get next to no lawful chips");
    }
}
