using System.Diagnostics;
using System.Text.Json.Nodes;
using SupplyChainSim.Grains;
using SupplyChainSim.Grains.Abstractions;
using SupplyChainSim.Model.MonteCarlo;
using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Worlds;
using SupplyChainSim.Reports;
using SupplyChainSim.Runs;
using SupplyChainSim.ScenarioFiles;

namespace SupplyChainSim.Benchmarks;

/// <summary>
/// What a replication costs against what its months cost. A scenario's replications run as `compare` runs an arm
/// (<see cref="RegimeRuns"/>: grains on the in-process silo, every core, a world built per replication, outcomes
/// gathered as compare gathers them); then the same worlds are stepped in memory on one thread (the floor). Both are
/// timed in this process, one after the other, in processor time as well as wall time, so that the ratio holds however
/// busy the machine is. A sample of replications is also run stage by stage, one at a time, to show where the time goes.
/// </summary>
internal static class ReplicationBenchmark
{
    /// <summary>The stages of one replication, in the order they run.</summary>
    public static readonly IReadOnlyList<string> Stages = ["resolve", "build", "activate", "step", "gather", "release", "output"];

    /// <param name="warmUp">Replications each path runs untimed first, so that neither is timed while the JIT compiles.</param>
    /// <param name="sample">Replications run stage by stage for the split.</param>
    public static async Task<JsonObject> RunAsync(string scenarioFile, int replications, int warmUp = 30, int sample = 10)
    {
        var scenario = ScenarioLoader.Load(scenarioFile);
        var run = new RegimeRun(scenario.Spec.Name, scenario);
        await using var silo = await SimulationHost.StartAsync();
        Task<(IReadOnlyList<RegimeOutcome> Rows, bool Stopped)> Compare(int count) =>
            RegimeRuns.RunAsync(silo, [run], count, WorldBuilder.DefaultPoolSize, (_, _) => { }, () => { }, (_, _) => { }, CancellationToken.None);

        if (warmUp > 0)
        {
            Render((await Compare(warmUp)).Rows, scenarioFile);
            for (var i = 0; i < warmUp; i++) await InMemoryWorldHosts.RunAsync(World(scenario, i));
        }

        IReadOnlyList<RegimeOutcome> rows = [];
        var onSilo = await TimedWork.RunAsync(async () => rows = (await Compare(replications)).Rows);

        // The floor: the same worlds (one per replication, its draws included), built untimed, stepped on one thread.
        double agentMonths = 0;
        var floor = TimedWork.Zero;
        var floorRows = new List<ReplicationSummary>();
        for (var i = 0; i < replications; i++)
        {
            var world = World(scenario, i);
            agentMonths += (double)world.AgentCount * world.Context.Months;
            RunResults results = null!;
            floor += await TimedWork.RunAsync(async () => results = await InMemoryWorldHosts.RunAsync(world));
            floorRows.Add(ReplicationOutcome.Of(i, results, scenario.Countries).Summary);
        }
        var siloRows = rows.Single().Replications;
        var identical = siloRows.Count == floorRows.Count && siloRows.Zip(floorRows).All(p => p.First.Seed == p.Second.Seed && p.First.SameOutcomes(p.Second));

        var reference = await ReferenceFloorAsync();
        var split = await SplitAsync(silo, scenario, Math.Min(sample, replications));
        // Compare's files are rendered once per command, from every replication's row: their cost is shared among them.
        split["output"] = (await TimedWork.RunAsync(() => Task.FromResult(Render(rows, scenarioFile)))).Seconds / replications;
        var perReplication = split.Values.Sum();
        return new JsonObject
        {
            ["scenario"] = scenarioFile,
            ["replications"] = replications,
            ["agentMonthsPerReplication"] = Math.Round(agentMonths / replications),
            ["secondsPerReplication"] = Round(onSilo.Seconds / replications),
            ["cpuSecondsPerReplication"] = Round(onSilo.CpuSeconds / replications),
            ["floorSecondsPerReplication"] = Round(floor.Seconds / replications),
            ["floorCpuSecondsPerReplication"] = Round(floor.CpuSeconds / replications),
            ["replicationToFloorRatio"] = Math.Round(onSilo.CpuSeconds / floor.CpuSeconds, 2),
            ["wallToFloorRatio"] = Math.Round(onSilo.Seconds / floor.Seconds, 2),
            ["referenceFloorAgentMonthsPerCpuSecond"] = Math.Round(reference),
            ["replicationToReferenceFloorRatio"] = Math.Round(onSilo.CpuSeconds / replications / (agentMonths / replications / reference), 2),
            ["methodsCompiledWhileTimed"] = onSilo.MethodsCompiled + floor.MethodsCompiled,
            ["outcomesIdentical"] = identical,
            ["split"] = new JsonObject(Stages.Select(stage => KeyValuePair.Create<string, JsonNode?>(stage, new JsonObject
            {
                ["secondsPerReplication"] = Round(split[stage]),
                ["share"] = Math.Round(split[stage] / perReplication, 3),
            }))),
            ["machine"] = $"{Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}",
        };
    }

    /// <summary>
    /// Agent-months a processor second of the benchmark's own world (at its warm-up size: 5,000 sites, three years)
    /// stepped in memory on one thread, once untimed and once timed: a floor that is the same whatever the scenario, the
    /// one a replication's cost was first held against.
    /// </summary>
    private static async Task<double> ReferenceFloorAsync()
    {
        var scenario = BenchmarkWorld.Scenario(5_000, 500, 36);
        await InMemoryWorldHosts.RunAsync(WorldBuilder.Build(scenario));
        var world = WorldBuilder.Build(scenario);
        var timed = await TimedWork.RunAsync(() => InMemoryWorldHosts.RunAsync(world));
        return (double)world.AgentCount * world.Context.Months / timed.CpuSeconds;
    }

    /// <summary>Replication <paramref name="replication"/>'s world, as the runner builds it.</summary>
    private static World World(ResolvedScenario scenario, int replication) =>
        ScenarioRuns.Build(scenario.WithSeed(ReplicationSeeds.For(scenario.Spec.Seed, replication)), WorldBuilder.DefaultPoolSize);

    /// <summary>Compare's three files, as the command renders them once from every row.</summary>
    private static int Render(IReadOnlyList<RegimeOutcome> rows, string file) =>
        ComparisonReport.Csv(rows, [file]).Length + ComparisonReport.ReplicationsCsv(rows, [file]).Length + ComparisonReport.Html(rows, [file], 1).Length;

    /// <summary>
    /// Wall seconds per replication of each stage, over <paramref name="count"/> replications run one at a time, each
    /// stage the calls <see cref="ReplicationRunner"/> and <see cref="GrainRun"/> make for it: the scenario's draws
    /// for the seed, the world, the grains activated (on a lane, once) and given their agents, the months stepped (their
    /// replies kept), the results put together from them with the clusters' end standings and kept as compare keeps them, the run recycled for the lane's next (and the lane's grains
    /// released after the last).
    /// </summary>
    private static async Task<Dictionary<string, double>> SplitAsync(SimulationHost silo, ResolvedScenario scenario, int count)
    {
        var seconds = Stages.ToDictionary(s => s, _ => 0.0, StringComparer.Ordinal);
        var clock = new Stopwatch();
        void Lap(string stage)
        {
            seconds[stage] += clock.Elapsed.TotalSeconds;
            clock.Restart();
        }
        var lanes = new ReplicationLanes(silo.Grains);
        for (var i = 0; i < count; i++)
        {
            clock.Restart();
            var seeded = scenario.WithSeed(ReplicationSeeds.For(scenario.Spec.Seed, i));
            Lap("resolve");
            var world = ScenarioRuns.Build(seeded, WorldBuilder.DefaultPoolSize);
            Lap("build");
            var lane = lanes.Take();
            var run = silo.Grains.GetGrain<IRunCoordinatorGrain>(lane);
            await run.Start(world.AsImmutable(), decisionsStreamed: true);
            Lap("activate");
            // The runner's decisions go nowhere (UnreadDecisions): the months it keeps hold their counts.
            var recorder = RunRecorder.For(world);
            while (!await run.IsFinished()) recorder.Months.Add((await run.StepMonth()).Value.WithDecisionsStreamed());
            Lap("step");
            ReplicationOutcome.Of(i, recorder.Results() with { EndStandings = (await run.GetEndStandings()).Value }, seeded.Countries);
            Lap("gather");
            await run.Recycle();
            lanes.Return(lane);
            Lap("release");
        }
        clock.Restart();
        await lanes.ReleaseAsync();
        Lap("release");
        return seconds.ToDictionary(s => s.Key, s => s.Value / count, StringComparer.Ordinal);
    }

    private static double Round(double seconds) => Math.Round(seconds, 4);
}
