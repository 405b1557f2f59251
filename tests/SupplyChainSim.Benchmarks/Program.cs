using System.CommandLine;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using SupplyChainSim.Benchmarks;
using SupplyChainSim.Grains;
using SupplyChainSim.Grains.Abstractions;
using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Worlds;
using SupplyChainSim.Output;
using SupplyChainSim.Runs;

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
    await Print(figures, parse.GetValue(output));
    return figures["outputsIdentical"]?.GetValue<bool>() == false ? 1 : 0;
});

// dotnet run -c Release --project tests/SupplyChainSim.Benchmarks -- replications scenarios/families/shell-networks/diffusion-rule.json
var scenario = new Argument<FileInfo>("scenario") { Description = "The scenario file whose replications are timed." };
var replications = new Option<int>("--replications") { DefaultValueFactory = _ => 50, Description = "Replications to time." };
var warmUp = new Option<int>("--warm-up") { DefaultValueFactory = _ => 30, Description = "Replications each path runs untimed first (a method run once a replication is compiled again after its 30th call)." };
var sample = new Option<int>("--sample") { DefaultValueFactory = _ => 10, Description = "Replications run stage by stage for the split." };
var replicationsCommand = new Command("replications",
    "Times a scenario's replications as `compare` runs them against the same worlds stepped in memory on one thread (the floor).")
{
    scenario, replications, warmUp, sample, output,
};
replicationsCommand.SetAction(async parse =>
{
    var file = Path.GetRelativePath(Environment.CurrentDirectory, parse.GetValue(scenario)!.FullName);
    var figures = await ReplicationBenchmark.RunAsync(file, parse.GetValue(replications), parse.GetValue(warmUp), parse.GetValue(sample));
    await Print(figures, parse.GetValue(output));
    return figures["outcomesIdentical"]!.GetValue<bool>() ? 0 : 1;
});
root.Add(replicationsCommand);
return await root.Parse(args).InvokeAsync();

// The figures on the console, and in the --out file when given.
static async Task Print(JsonObject figures, FileInfo? file)
{
    var text = figures.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    Console.WriteLine(text);
    if (file is not null) await File.WriteAllTextAsync(file.FullName, text + "\n");
}

internal static class Benchmark
{
    public static async Task<JsonObject> RunAsync(int dataCentres, int intermediaries, int months, bool floor, Placement placement = Placement.Pooled)
    {
        await using var silo = await SimulationHost.StartAsync();
        // Warm-up, untimed: both paths run a small world (5,000 sites, three years) first, so neither is timed while the JIT compiles.
        var small = WorldBuilder.Build(BenchmarkWorld.Scenario(5_000, 500, 36), placement: placement);
        await InMemoryWorldHosts.RunAsync(small);
        await GrainRun.RunAsync(silo.Grains, small, "warm-up", release: true);

        var clock = Stopwatch.StartNew();
        var world = WorldBuilder.Build(BenchmarkWorld.Scenario(dataCentres, intermediaries, months), placement: placement);
        var buildSeconds = clock.Elapsed.TotalSeconds;
        var agentMonths = (double)world.AgentCount * world.Context.Months;

        // Every run streams its decisions to licences.csv, as the command does, and is hashed with that file.
        using var licencesFolder = new ScratchFolder();
        string? floorHash = null, parallelFloorHash = null;
        double floorSeconds = 0, parallelFloorSeconds = 0;
        if (floor)
        {
            // The first run over a world this size is slower, whichever path runs it: the JIT is still tiering up code that
            // only gets hot at this scale (at 50,000 sites the first silo run took 7.9 s, a second 4.5 s). So that the
            // three timed runs start alike, an untimed run goes first.
            await InMemoryWorldHosts.RunAsync(world, parallel: true);
            // The floor twice: on one thread, then with each phase's calls in parallel on every core, as the silo runs them.
            (floorSeconds, floorHash) = await TimedAsync(licencesFolder.File("floor.csv"), log => InMemoryWorldHosts.RunAsync(world, licences: log));
            (parallelFloorSeconds, parallelFloorHash) = await TimedAsync(licencesFolder.File("parallel-floor.csv"),
                log => InMemoryWorldHosts.RunAsync(world, licences: log, parallel: true));
        }

        var run = silo.Grains.GetGrain<IRunCoordinatorGrain>("benchmark");
        var (actorSeconds, actorHash) = await TimedAsync(licencesFolder.File("actor.csv"), async log =>
        {
            await run.Start(world.AsImmutable(), decisionsStreamed: true);
            while (!await run.IsFinished()) log.Append((await run.StepMonth()).Value);
            return (await run.GetResults()).Value;
        });
        var calls = await run.GetGrainCalls();
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
            ["parallelFloorWallSeconds"] = floor ? Round(parallelFloorSeconds) : null,
            ["parallelFloorAgentMonthsPerSecond"] = floor ? Math.Round(agentMonths / parallelFloorSeconds) : null,
            ["actorToFloorRatio"] = floor ? Math.Round(actorSeconds / floorSeconds, 2) : null,
            ["actorToParallelFloorRatio"] = floor ? Math.Round(actorSeconds / parallelFloorSeconds, 2) : null,
            ["peakWorkingSetMB"] = peakMB,
            ["peakWorkingSetWithCheckpointMB"] = Math.Round(Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0),
            ["outputsSha256"] = actorHash,
            ["outputsIdentical"] = floor ? floorHash == actorHash && parallelFloorHash == actorHash : null,
            ["machine"] = $"{Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}",
        };
        return figures;
    }

    /// <summary>Runs with the decisions streamed to <paramref name="licences"/>, timed; then the hash of every output file.</summary>
    private static async Task<(double Seconds, string Hash)> TimedAsync(string licences, Func<LicenceLog, Task<RunResults>> run)
    {
        RunResults results;
        var clock = Stopwatch.StartNew();
        await using (var file = File.Create(licences))
        {
            using var log = new LicenceLog(file);
            results = await run(log);
        }
        var seconds = clock.Elapsed.TotalSeconds;
        return (seconds, Hash(results, licences));
    }

    /// <summary>One hash over every output file, so runs can be compared byte for byte.</summary>
    public static string Hash(RunResults results) => Hash(results, null);

    /// <summary>
    /// The same hash for a run whose decisions were streamed to the file <paramref name="licences"/> (read in its place in
    /// the name order). Each file is written straight into the hash, as `run` writes it to disk: none is held whole.
    /// </summary>
    public static string Hash(RunResults results, string? licences)
    {
        using var sha = SHA256.Create();
        using (var hashing = new CryptoStream(Stream.Null, sha, CryptoStreamMode.Write))
        {
            var files = ResultFiles.Files(results).AsEnumerable();
            if (licences is not null) files = files.Append((ResultFiles.LicencesCsv, hash => { using var file = File.OpenRead(licences); file.CopyTo(hash); }));
            foreach (var (name, write) in files.OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                hashing.Write(System.Text.Encoding.UTF8.GetBytes(name));
                write(hashing);
            }
        }
        return Convert.ToHexStringLower(sha.Hash!);
    }

    private static double Round(double seconds) => Math.Round(seconds, 3);
}

/// <summary>A temporary folder for the runs' licences.csv, removed at the end.</summary>
internal sealed class ScratchFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("supplychainsim-benchmark-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
