using System.CommandLine;
using System.Diagnostics;
using Spectre.Console;
using SupplyChainSim.Model.Output;
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
        return root;
    }

    private static Command RunCommand(IAnsiConsole console)
    {
        var scenario = new Argument<FileInfo>("scenario") { Description = "The scenario file (JSON, comments allowed)." };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Where to write the results (default: runs/<scenario-name>-<seed>/)." };
        var seed = new Option<ulong?>("--seed") { Description = "Replace the scenario's seed." };
        var months = new Option<int?>("--months") { Description = "Replace the scenario's number of months." };
        var blockSize = new Option<int>("--block-size")
        {
            Description = "Data centres (or intermediaries) hosted per grain. A hosting choice: results do not depend on it.",
            DefaultValueFactory = _ => WorldBuilder.DefaultBlockSize,
            Hidden = true,
        };
        var command = new Command("run", "Run a scenario month by month on an in-process Orleans silo and write its results.")
        {
            scenario, output, seed, months, blockSize,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var request = new RunRequest(parse.GetValue(scenario)!.FullName, parse.GetValue(output)?.FullName, parse.GetValue(seed),
                parse.GetValue(months), parse.GetValue(blockSize));
            return await Execute(console, () => Run(console, request, cancellationToken));
        });
        return command;
    }

    private static Command ValidateCommand(IAnsiConsole console)
    {
        var scenario = new Argument<FileInfo>("scenario") { Description = "The scenario file to check." };
        var command = new Command("validate", "Check a scenario file without running it.") { scenario };
        command.SetAction(parse => Execute(console, () =>
        {
            var world = WorldBuilder.Build(ScenarioLoader.Load(parse.GetValue(scenario)!.FullName));
            console.WriteLine($"{parse.GetValue(scenario)!.FullName}: valid; {world.AgentCount:N0} agents over {world.Context.Months} months");
            return Task.FromResult(ExitCodes.Success);
        }).GetAwaiter().GetResult());
        return command;
    }

    internal sealed record RunRequest(string Scenario, string? OutDirectory, ulong? Seed, int? Months, int BlockSize);

    internal static async Task<int> Run(IAnsiConsole console, RunRequest request, CancellationToken cancellationToken)
    {
        var scenario = ScenarioLoader.Load(request.Scenario);
        if (request.Seed is { } seed) scenario = scenario.WithSeed(seed);
        if (request.Months is { } months)
        {
            if (months is < 1 or > ScenarioValidator.MaxMonths)
                throw new ScenarioException(new ScenarioError("--months", null, null, "$.months", $"expected 1 to {ScenarioValidator.MaxMonths}, found {months}"));
            scenario = scenario.WithMonths(months);
        }
        var world = WorldBuilder.Build(scenario, request.BlockSize);
        var outDirectory = request.OutDirectory ?? Path.Combine("runs", $"{scenario.Spec.Name}-{scenario.Spec.Seed}");

        var report = new ConsoleReport(console);
        report.Header(world, outDirectory);
        var clock = Stopwatch.StartNew();
        await using var host = await SimulationHost.StartAsync(cancellationToken);
        var results = await host.RunAsync(world, $"{scenario.Spec.Name}-{Guid.NewGuid():N}", report.Month, cancellationToken);
        ResultFiles.Write(results, outDirectory);
        report.Summary(results, outDirectory, clock.Elapsed);
        return ExitCodes.Success;
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
