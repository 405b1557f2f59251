using SupplyChainSim.Model.Calibration;
using SupplyChainSim.Model.MonteCarlo;
using SupplyChainSim.Model.Units;
using SupplyChainSim.Output;
using SupplyChainSim.ScenarioFiles;

namespace SupplyChainSim.Model.Tests;

/// <summary>Calibration metrics measured on the hand-computed world, and the published targets as shipped.</summary>
public class CalibrationTests
{
    private static CalibrationTarget Target(string metric, string from, string until, TargetFilter? filter = null) => new()
    {
        Id = metric, Metric = metric, Filter = filter ?? new(), From = YearMonth.Parse(from), Until = YearMonth.Parse(until),
        Low = 1, Central = 1, High = 1, Source = "test",
    };

    [Fact]
    public async Task Metrics_count_what_the_hand_computed_world_delivers()
    {
        // The US site takes 10, 10, 5 H100s in January to March 2024; the broker's shells buy 10 a month in Singapore
        // and each lot reaches the Chinese site a month later: February to June, 50 chips smuggled into China.
        var results = await TestWorlds.Run(TestWorlds.HandComputed);
        double? Measure(CalibrationTarget target) => CalibrationMetric.Measure(target, results);
        Assert.Equal(50, Measure(Target("chips", "2024-01", "2024-06", new() { Countries = ["CN", "HK"], Routes = ["smuggled"] })));
        Assert.Equal(20, Measure(Target("chips", "2024-02", "2024-03", new() { Countries = ["CN"] })));
        Assert.Equal(25, Measure(Target("chips", "2024-01", "2024-06", new() { Countries = ["US"], Sellers = ["NVIDIA"] })));
        Assert.Equal(60, Measure(Target("chips", "2024-01", "2024-06", new() { Countries = ["SG"] })));
        Assert.Equal(0, Measure(Target("chips", "2024-01", "2024-06", new() { ChipModels = ["H20"] })));
        // Sales at catalogue prices leave the smuggled legs out: the US site's 25 H100s at USD 33,600.
        Assert.Equal(25 * 33_600, Measure(Target("sales-usd", "2024-01", "2024-06", new() { Countries = ["US"] })));
        // Installed worldwide: 10 at the end of January (US), 25 + 50 at the end of June: 7.5 times.
        Assert.Equal(7.5, Measure(Target("installed-growth", "2024-02", "2024-06"))!.Value, 9);
        // No month before the run: no growth to measure.
        Assert.Null(Measure(Target("installed-growth", "2024-01", "2024-06")));
        // Linked clusters are per site here: the Chinese site's 50 H100s are the largest at the end of June.
        Assert.Equal(50, Measure(Target("largest-cluster-h100e", "2024-06", "2024-06"))!.Value, 6);
        // No rare-earth market in this world: magnet metrics are not measured.
        Assert.Null(Measure(Target("magnet-shortage-peak", "2024-01", "2024-06")));
    }

    [Fact]
    public async Task A_run_covering_a_published_period_writes_calibration_csv_and_one_that_does_not_writes_none()
    {
        var files = await TestWorlds.Files(TestWorlds.Build(TestWorlds.HandComputed));
        Assert.False(files.ContainsKey(ResultFiles.CalibrationCsv)); // six months of 2024 cover no yearly target

        var year = TestWorlds.HandComputed.Replace("\"months\": 6,", "\"months\": 12,");
        var results = await TestWorlds.Run(year);
        var rows = CalibrationRow.For(results, null);
        var smuggled = Assert.Single(rows, r => r.Target.Id == "smuggled-into-china-2024");
        Assert.Equal(110, smuggled.Median); // February to December
        Assert.Equal(110 / 140_000.0, smuggled.RatioToCentral, 9);
        Assert.True(smuggled.Inside is false);
        var csv = System.Text.Encoding.UTF8.GetString(ResultFiles.Render(results)[ResultFiles.CalibrationCsv]);
        Assert.StartsWith("target,metric,from,until,low,central,high,replications,modelMedian,modelP5,modelP95,ratioToCentral,insideRange,source,note", csv);
        Assert.Contains("smuggled-into-china-2024,chips,2024-01,2024-12,10000,140000,300000,1,110,110,110,0.001,false,", csv);
    }

    [Fact]
    public void Over_replications_a_row_holds_the_median_and_the_5th_and_95th_percentiles()
    {
        var target = Target("chips", "2024-01", "2024-12") with { Low = 10, Central = 20, High = 30 };
        var summaries = Enumerable.Range(1, 21).Select(i => Summary(i, new TargetValue(target.Id, i))).ToList();
        var row = Assert.Single(CalibrationRow.Of([target], summaries));
        Assert.Equal((21, 11.0), (row.Replications, row.Median));
        Assert.InRange(row.P5, 1, 2.1);
        Assert.InRange(row.P95, 19.9, 21);
        Assert.True(row.Inside);
        Assert.Equal(0.55, row.RatioToCentral, 9);
    }

    private static ReplicationSummary Summary(int replication, TargetValue value) =>
        new(replication, 0, 0, null, Tpp.Zero, Tpp.Zero, Tpp.Zero, Tpp.Zero, 0, Tpp.Zero, Tpp.Zero, Tpp.Zero) { Calibration = [value] };

    [Fact]
    public void The_published_targets_are_well_formed_and_cite_their_sources()
    {
        var targets = ScenarioLoader.BuiltIn.Targets;
        Assert.True(targets.Count >= 8);
        Assert.Equal(targets.Count, targets.Select(t => t.Id).Distinct().Count());
        Assert.All(targets, t =>
        {
            Assert.Contains(t.Metric, CalibrationMetric.All);
            Assert.True(t.Low <= t.Central && t.Central <= t.High, t.Id);
            Assert.True(t.From <= t.Until, t.Id);
            Assert.True(t.Source.Length > 20, t.Id);
        });
    }
}
