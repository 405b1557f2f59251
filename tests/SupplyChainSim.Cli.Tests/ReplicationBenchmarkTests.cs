using SupplyChainSim.Benchmarks;
using SupplyChainSim.Model.MonteCarlo;
using SupplyChainSim.Model.Worlds;
using SupplyChainSim.ScenarioFiles;

namespace SupplyChainSim.Cli.Tests;

/// <summary>The benchmark's replication mode reports its figures, and they agree with one another (their speed is not checked).</summary>
public class ReplicationBenchmarkTests
{
    [Fact]
    public async Task The_replication_mode_reports_a_replications_cost_against_the_floor_with_a_split_that_adds_up()
    {
        var file = Paths.Scenario("families/shell-networks/diffusion-rule.json");
        var figures = await ReplicationBenchmark.RunAsync(file, replications: 2, warmUp: 0, sample: 1);

        Assert.True(figures["outcomesIdentical"]!.GetValue<bool>(), figures.ToJsonString());
        Assert.Equal(2, figures["replications"]!.GetValue<int>());
        // The agent-months of the worlds replication by replication: their number of intermediaries is drawn anew each time.
        var scenario = ScenarioLoader.Load(file);
        var agentMonths = Enumerable.Range(0, 2).Select(i => WorldBuilder.Build(scenario.WithSeed(ReplicationSeeds.For(scenario.Spec.Seed, i))))
            .Average(w => (double)w.AgentCount * w.Context.Months);
        Assert.Equal(Math.Round(agentMonths), figures["agentMonthsPerReplication"]!.GetValue<double>());

        double Figure(string name) => figures[name]!.GetValue<double>();
        foreach (var name in new[] { "secondsPerReplication", "cpuSecondsPerReplication", "floorSecondsPerReplication", "floorCpuSecondsPerReplication" })
            Assert.True(Figure(name) > 0, $"{name}: {figures.ToJsonString()}");
        // The ratios are worked out before the seconds are rounded for the report: within a few hundredths of the report's.
        Assert.Equal(Figure("cpuSecondsPerReplication") / Figure("floorCpuSecondsPerReplication"), Figure("replicationToFloorRatio"), tolerance: 0.05);
        Assert.Equal(Figure("secondsPerReplication") / Figure("floorSecondsPerReplication"), Figure("wallToFloorRatio"), tolerance: 0.05);
        Assert.True(Figure("referenceFloorAgentMonthsPerCpuSecond") > 0, figures.ToJsonString());
        Assert.Equal(Figure("cpuSecondsPerReplication") * Figure("referenceFloorAgentMonthsPerCpuSecond") / Figure("agentMonthsPerReplication"),
            Figure("replicationToReferenceFloorRatio"), tolerance: 0.5);

        var split = figures["split"]!.AsObject();
        Assert.Equal(ReplicationBenchmark.Stages, split.Select(s => s.Key));
        Assert.All(split, s => Assert.True(s.Value!["secondsPerReplication"]!.GetValue<double>() >= 0, s.Key));
        Assert.Equal(1, split.Sum(s => s.Value!["share"]!.GetValue<double>()), 2);
        Assert.True(split["step"]!["secondsPerReplication"]!.GetValue<double>() > 0);
    }
}
