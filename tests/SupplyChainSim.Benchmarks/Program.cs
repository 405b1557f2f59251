using System.CommandLine;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using SupplyChainSim.Benchmarks;
using SupplyChainSim.Cli;
using SupplyChainSim.Grains;
using SupplyChainSim.Grains.Abstractions;
using SupplyChainSim.Model.Output;
using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Worlds;

// dotnet run -c Release --project tests/SupplyChainSim.Benchmarks -- --out bench.json
var dataCentres = new Option<int>("--data-centres") { DefaultValueFactory = _ => 50_000, Description = "Data centres in the world." };
var intermediaries = new Option<int>("--intermediaries") { DefaultValueFactory = _ => 5_000, Description = "Smuggling intermediaries." };
var months = new Option<int>("--months") { DefaultValueFactory = _ => 120, Description = "Months to step." };
var skipFloor = new Option<bool>("--skip-floor") { Description = "Time only the actor run." };
var grainPerAgent = new Option<bool>("--grain-per-agent") { Description = "Host every data centre and intermediary in a grain of its own instead of pooling them." };
var output = new Option<FileInfo?>("--out") { Description = "Also write the figures to this JSON file." };
var root = new RootCommand("Times the simulation on an in-process silo against the same rules in a plain loop.")
{
    dataCentres, intermediaries, months, skipFloor, grainPerAgent, output,
};
root.SetAction(async parse =>
{
    var figures = await Benchmark.RunAsync(parse.GetValue(dataCentres), parse.GetValue(intermediaries), parse.GetValue(months), !parse.GetValue(skipFloor),
        parse.GetValue(grainPerAgent) ? Placement.OnePerAgent : Placement.Pooled);
    var text = figures.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    Console.WriteLine(text);
    if (parse.GetValue(output) is { } file) await File.WriteAllTextAsync(file.FullName, text + "\n");
    return figures["outputsIdentical"]?.GetValue<bool>() == false ? 1 : 0;
});
return await root.Parse(args).InvokeAsync();

internal static class Benchmark
{
    public static async Task<JsonObject> RunAsync(int dataCentres, int intermediaries, int months, bool floor, Placement placement = Placement.Pooled)
    {
        await using var silo = await SimulationHost.StartAsync();
        // Warm-up, untimed: both paths run a small world first, so neither is timed while the JIT compiles.
        var small = WorldBuilder.Build(BenchmarkWorld.Scenario(500, 50, 12), placement: placement);
        await InMemoryWorldHosts.RunAsync(small);
        await GrainRun.RunAsync(silo.Grains, small, "warm-up", release: true);

        var clock = Stopwatch.StartNew();
        var world = WorldBuilder.Build(BenchmarkWorld.Scenario(dataCentres, intermediaries, months), placement: placement);
        var buildSeconds = clock.Elapsed.TotalSeconds;
        var agentMonths = (double)world.AgentCount * world.Context.Months;

        string? floorHash = null;
        double floorSeconds = 0;
        if (floor)
        {
            clock.Restart();
            var plain = await InMemoryWorldHosts.RunAsync(world);
            floorSeconds = clock.Elapsed.TotalSeconds;
            floorHash = Hash(plain);
        }

        clock.Restart();
        var run = silo.Grains.GetGrain<IRunCoordinatorGrain>("benchmark");
        await run.Start(world.AsImmutable());
        while (!await run.IsFinished()) await run.StepMonth();
        var results = (await run.GetResults()).Value;
        var actorSeconds = clock.Elapsed.TotalSeconds;
        var calls = await run.GetGrainCalls();
        var actorHash = Hash(results);
        var peakMB = Math.Round(Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0);
        // A world a scenario may hold is checkpointed as the command checkpoints it. Beyond that, one grain's state alone
        // outgrows a write within the response timeout: the chipmaker that sells every data centre's chip model holds an
        // order book of about 3 million orders at a million sites (790,000 at 250,000, written in about 4 s).
        double? checkpointSeconds = null;
        if (dataCentres <= ScenarioLimits.DataCentres && intermediaries <= ScenarioLimits.Intermediaries)
        {
            clock.Restart();
            await GrainRun.CheckpointAsync(run);
            checkpointSeconds = clock.Elapsed.TotalSeconds;
        }
        await GrainRun.ReleaseAsync(run);

        var figures = new JsonObject
        {
            ["agents"] = world.AgentCount,
            ["placement"] = placement == Placement.OnePerAgent ? "grain per agent" : "pooled",
            ["grains"] = world.DataCentreBlocks.Count + world.IntermediaryBlocks.Count + world.Chipmakers.Count + world.Context.Countries.Countries.Count,
            ["dataCentres"] = world.DataCentreCount,
            ["intermediaries"] = world.IntermediaryCount,
            ["countries"] = world.Context.Countries.Countries.Count,
            ["chipmakers"] = world.Chipmakers.Count,
            ["months"] = world.Context.Months,
            ["worldBuildSeconds"] = Round(buildSeconds),
            ["wallSeconds"] = Round(actorSeconds),
            ["agentMonthsPerSecond"] = Math.Round(agentMonths / actorSeconds),
            ["grainCalls"] = calls,
            ["grainCallsPerAgentMonth"] = Math.Round(calls / agentMonths, 6),
            ["checkpointSeconds"] = checkpointSeconds is { } seconds ? Round(seconds) : null,
            ["floorWallSeconds"] = floor ? Round(floorSeconds) : null,
            ["floorAgentMonthsPerSecond"] = floor ? Math.Round(agentMonths / floorSeconds) : null,
            ["actorToFloorRatio"] = floor ? Math.Round(actorSeconds / floorSeconds, 2) : null,
            ["peakWorkingSetMB"] = peakMB,
            ["peakWorkingSetWithCheckpointMB"] = Math.Round(Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0),
            ["outputsSha256"] = actorHash,
            ["outputsIdentical"] = floor ? floorHash == actorHash : null,
            ["machine"] = $"{Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}",
        };
        return figures;
    }

    /// <summary>One hash over every output file, so runs can be compared byte for byte.</summary>
    public static string Hash(RunResults results)
    {
        using var sha = SHA256.Create();
        foreach (var (name, bytes) in ResultFiles.Render(results))
        {
            sha.TransformBlock(System.Text.Encoding.UTF8.GetBytes(name), 0, name.Length, null, 0);
            sha.TransformBlock(bytes, 0, bytes.Length, null, 0);
        }
        sha.TransformFinalBlock([], 0, 0);
        return Convert.ToHexStringLower(sha.Hash!);
    }

    private static double Round(double seconds) => Math.Round(seconds, 3);
}
