using System.CommandLine;
using System.Diagnostics;
using Spectre.Console;
using SupplyChainSim.Grains;
using SupplyChainSim.Model.MonteCarlo;
using SupplyChainSim.Model.Output;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Model.Worlds;

namespace SupplyChainSim.Cli;

public static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int InvalidInput = 2;
    public const int Cancelled = 130;
}

/// <summary>The command line: `run` and `validate`.</summary>
public static class Commands
{
    public static RootCommand Build(IAnsiConsole console)
    {
        var root = new RootCommand("SupplyChainSim: an actor simulation of the global AI-chip supply chain under export regimes.");
        root.Add(RunCommand(console));
        root.Add(ValidateCommand(console));
        root.Add(SchemaCommand(console));
        root.Add(ReportCommands.Compare(console));
        root.Add(ReportCommands.Sweep(console));
        return root;
    }

    private static Command RunCommand(IAnsiConsole console)
    {
        var scenario = new Argument<FileInfo>("scenario") { Description = "The scenario file (JSON, comments allowed).", CustomParser = PathArguments.File };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Where to write the results (default: runs/<scenario-name>-<seed>/).", CustomParser = PathArguments.Directory };
        var seed = new Option<ulong?>("--seed") { Description = "Replace the scenario's seed." };
        var months = new Option<int?>("--months") { Description = "Replace the scenario's number of months." };
        var replications = new Option<int>("--replications")
        {
            Description = "Run N replications (seeds derived from the scenario's; replication 0 is the scenario's own) and estimate breach probabilities.",
            DefaultValueFactory = _ => 1,
        };
        var blockSize = new Option<int>("--block-size")
        {
            Description = "Data centres (or intermediaries) hosted per grain. A hosting choice: results do not depend on it.",
            DefaultValueFactory = _ => WorldBuilder.DefaultBlockSize,
            Hidden = true,
        };
        RunOptions.Check(seed, months, replications, blockSize);
        var live = new LiveRunOptions();
        var command = new Command("run", "Run a scenario month by month on an in-process Orleans silo and write its results.")
        {
            scenario, output, seed, months, replications, blockSize,
        };
        live.AddTo(command, replications);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var request = new RunRequest(parse.GetValue(scenario)!.FullName, parse.GetValue(output)?.FullName, parse.GetValue(seed),
                parse.GetValue(months), parse.GetValue(blockSize), parse.GetValue(replications), live.Read(parse));
            return await Execute(console, () => Run(console, request, cancellationToken));
        });
        return command;
    }

    private static Command ValidateCommand(IAnsiConsole console)
    {
        var scenario = new Argument<FileInfo>("scenario") { Description = "The scenario file to check.", CustomParser = PathArguments.File };
        var command = new Command("validate", "Check a scenario file without running it.") { scenario };
        command.SetAction(parse => Execute(console, () =>
        {
            // The file as it was named on the command line: errors point into it the way the analyst wrote it.
            var file = parse.GetValue(scenario)!.ToString();
            var loaded = ScenarioLoader.Load(file);
            foreach (var warning in loaded.Warnings) Console.Error.WriteLine(warning);
            var world = Build(loaded, WorldBuilder.DefaultBlockSize);
            console.WriteLine($"{file}: valid; {world.AgentCount:N0} agents over {world.Context.Months} months");
            return Task.FromResult(ExitCodes.Success);
        }).GetAwaiter().GetResult());
        return command;
    }

    private static Command SchemaCommand(IAnsiConsole console)
    {
        var output = new Option<FileInfo?>("--out") { Description = $"Write the schema to this file (scenarios/{ScenarioSchema.FileName} in the repository) instead of printing it.", CustomParser = PathArguments.File };
        var command = new Command("schema", "Print the JSON Schema of scenario files, for editors to complete and check them.") { output };
        command.SetAction(parse => Execute(console, () =>
        {
            if (parse.GetValue(output) is { } file) AtomicFiles.WriteAll(file.DirectoryName!, new Dictionary<string, byte[]> { [file.Name] = System.Text.Encoding.UTF8.GetBytes(ScenarioSchema.Text()) });
            else Console.Out.Write(ScenarioSchema.Text());
            return Task.FromResult(ExitCodes.Success);
        }).GetAwaiter().GetResult());
        return command;
    }

    internal sealed record RunRequest(string Scenario, string? OutDirectory, ulong? Seed, int? Months, int BlockSize, int Replications = 1, LiveRequest? Live = null);

    internal static async Task<int> Run(IAnsiConsole console, RunRequest request, CancellationToken cancellationToken)
    {
        var scenario = RunOptions.Apply(ScenarioLoader.Load(request.Scenario), request.Seed, request.Months, request.Replications);
        var world = Build(scenario, request.BlockSize);
        var outDirectory = request.OutDirectory ?? Path.Combine("runs", $"{scenario.Spec.Name}-{scenario.Spec.Seed}");

        var report = new ConsoleReport(console);
        report.Header(world, outDirectory, monthLines: request.Replications == 1 && request.Live is null);
        if (request.Live is { } live) return await LiveRun.RunAsync(console, report, world, RunKey(scenario), outDirectory, live, cancellationToken);
        var clock = Stopwatch.StartNew();
        await using var host = await SimulationHost.StartAsync(cancellationToken);
        if (request.Replications == 1)
        {
            var results = await host.RunAsync(world, RunKey(scenario), (month, _) =>
            {
                report.Month(month);
                return Task.CompletedTask;
            }, cancellationToken);
            RunOutputs.Write(results, outDirectory);
            report.Summary(results, outDirectory, clock.Elapsed);
            return ExitCodes.Success;
        }

        var (first, summaries) = await RunReplications(console, host, scenario, request, cancellationToken);
        RunOutputs.Write(first, outDirectory, summaries);
        report.Summary(first, outDirectory, clock.Elapsed, withReplications: true);
        report.MonteCarlo(summaries, request.Scenario);
        return ExitCodes.Success;
    }

    public const int MaxReplications = 100_000;

    /// <summary>Builds the world; what only building finds (a buyer no generator makes) is placed in the files too.</summary>
    internal static World Build(ResolvedScenario scenario, int blockSize)
    {
        try
        {
            return WorldBuilder.Build(scenario, blockSize);
        }
        catch (ScenarioException e)
        {
            throw ScenarioLoader.Locate(e, scenario);
        }
    }

    private static int runs;

    /// <summary>Grain keys of a run: unique on this process's own silo, and never part of any output.</summary>
    internal static string RunKey(ResolvedScenario scenario) => $"{scenario.Spec.Name}-{scenario.Spec.Seed}-{Interlocked.Increment(ref runs)}";

    /// <summary>
    /// Runs the replications on the one silo (<see cref="ReplicationRunner"/>): each one's row is all that is kept, except
    /// replication 0's full results (the scenario's own seed), which become the run's files.
    /// </summary>
    private static async Task<(RunResults First, IReadOnlyList<ReplicationSummary> Summaries)> RunReplications(
        IAnsiConsole console, SimulationHost host, ResolvedScenario scenario, RunRequest request, CancellationToken cancellationToken)
    {
        RunResults? first = null;
        var summaries = Array.Empty<ReplicationSummary>();
        var finished = 0;
        await WorkProgress.RunAsync(console, $"{request.Replications:N0} replications", request.Replications, async progress =>
            summaries = await ReplicationRunner.RunAsync(host, scenario, request.Replications, request.BlockSize, (i, results) =>
            {
                if (i == 0) first = results;
                return ReplicationSummary.Of(i, results);
            }, (i, row) =>
            {
                progress.Step();
                var count = Interlocked.Increment(ref finished);
                if (!progress.Interactive)
                    console.WriteLine($"replication {i} (seed {row.Seed}) done, {count} of {request.Replications}: " +
                        $"{row.BreachCount} breaches, first {row.FirstBreachMonth?.ToString() ?? "none"}");
            }, cancellationToken));
        return (first!, summaries);
    }

    /// <summary>Maps what went wrong to an exit code and a message: never a stack trace for bad input.</summary>
    internal static async Task<int> Execute(IAnsiConsole console, Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (ScenarioException e)
        {
            foreach (var error in e.Errors) Console.Error.WriteLine(error);
            var count = e.Errors.Count(x => !x.IsWarning);
            Console.Error.WriteLine($"supplychainsim: the scenario is not valid ({count} error{(count == 1 ? "" : "s")}); nothing was run or written.");
            return ExitCodes.InvalidInput;
        }
        catch (OptionException e)
        {
            Console.Error.WriteLine($"supplychainsim: {e.Message}");
            return ExitCodes.InvalidInput;
        }
        catch (OverflowException e)
        {
            // Checked arithmetic: a total beyond 64 bits stops the run rather than wrapping round to a wrong figure.
            Console.Error.WriteLine($"supplychainsim: the run failed: a total grew beyond what the model counts exactly ({e.Message}); nothing was written.");
            return ExitCodes.Failure;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("supplychainsim: cancelled; no results were written for the unfinished run.");
            return ExitCodes.Cancelled;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"supplychainsim: {e.Message}");
            return ExitCodes.Failure;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"supplychainsim: the run failed: {e.GetType().Name}: {e.Message}");
            Console.Error.WriteLine(e.StackTrace);
            return ExitCodes.Failure;
        }
    }
}
