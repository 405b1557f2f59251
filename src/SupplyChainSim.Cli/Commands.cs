using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Spectre.Console;
using SupplyChainSim.Cli.Output;
using SupplyChainSim.Model.MonteCarlo;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Model.Worlds;
using SupplyChainSim.Output;
using SupplyChainSim.Scenarios;

namespace SupplyChainSim.Cli;

public static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int InvalidInput = 2;
    public const int Cancelled = 130;
}

/// <summary>The command line: `run`, `validate`, `schema`, `compare`, `sweep` and `explore`.</summary>
public static class Commands
{
    /// <summary>
    /// How a user types the command: from the repository root, through `dotnet run` (there is no `supplychainsim` on the
    /// path unless they publish it). Every command the tool tells a user to type starts with this.
    /// </summary>
    public const string Invocation = "dotnet run --project src/SupplyChainSim.Cli --";

    public static RootCommand Build(IAnsiConsole console)
    {
        var root = new RootCommand("SupplyChainSim: an actor simulation of the global AI-chip supply chain under export regimes.");
        root.Add(RunCommand(console));
        root.Add(ValidateCommand(console));
        root.Add(SchemaCommand());
        root.Add(ReportCommands.Compare(console));
        root.Add(ReportCommands.Sweep(console));
        root.Add(ExploreCommand.Build(console));
        Usage.Customise(root);
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
        var grainPerAgent = new Option<bool>("--grain-per-agent")
        {
            Description = "Host every generated data centre and intermediary in a grain of its own, as the ones a scenario names are. A hosting choice: results do not depend on it.",
            Hidden = true,
        };
        RunOptions.Check(seed, months, replications, blockSize);
        var live = new LiveRunOptions();
        var command = new Command("run", "Run a scenario month by month on an in-process Orleans silo and write its results.")
        {
            scenario, output, seed, months, replications, blockSize, grainPerAgent,
        };
        live.AddTo(command, replications);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var request = new RunRequest(parse.GetValue(scenario)!.FullName, parse.GetValue(output)?.FullName, parse.GetValue(seed),
                parse.GetValue(months), parse.GetValue(blockSize), parse.GetValue(replications), live.Read(parse),
                parse.GetValue(grainPerAgent) ? Placement.OnePerAgent : Placement.Pooled);
            return await Execute(() => Run(console, request, cancellationToken));
        });
        return command;
    }

    private static Command ValidateCommand(IAnsiConsole console)
    {
        var scenario = new Argument<FileInfo>("scenario") { Description = "The scenario file to check.", CustomParser = PathArguments.File };
        var command = new Command("validate", "Check a scenario file without running it.") { scenario };
        command.SetAction(parse => Execute(() =>
        {
            // The file as it was named on the command line: errors point into it the way the analyst wrote it.
            var file = parse.GetValue(scenario)!.ToString();
            var loaded = ScenarioLoader.Load(file);
            foreach (var warning in loaded.Warnings) Console.Error.WriteLine(TerminalText.Safe(warning.ToString()));
            var world = Build(loaded, WorldBuilder.DefaultBlockSize);
            console.WriteLine(TerminalText.Safe($"{file}: valid; {world.AgentCount:N0} agents over {world.Context.Months} months"));
            return Task.FromResult(ExitCodes.Success);
        }).GetAwaiter().GetResult());
        return command;
    }

    private static Command SchemaCommand()
    {
        var output = new Option<FileInfo?>("--out") { Description = $"Write the schema to this file (scenarios/{ScenarioSchema.FileName} in the repository) instead of printing it.", CustomParser = PathArguments.File };
        var command = new Command("schema", "Print the JSON Schema of scenario files, for editors to complete and check them.") { output };
        command.SetAction(parse => Execute(() =>
        {
            if (parse.GetValue(output) is { } file) WriteSchema(file.FullName);
            else Console.Out.Write(ScenarioSchema.Text());
            return Task.FromResult(ExitCodes.Success);
        }).GetAwaiter().GetResult());
        return command;
    }

    /// <summary>
    /// `schema --out` replaces nothing but a schema: the file is new, or one this command wrote before (written beside
    /// it, then renamed over it, so it is never half-written).
    /// </summary>
    private static void WriteSchema(string path)
    {
        // A link is followed: the schema it names is replaced, the link stays.
        var target = OutputFolderRules.Canonical(path);
        if (Directory.Exists(target))
            throw new OutputFolderRefusedException($"--out {path}: is a folder; expected the schema's file name, such as scenarios/{ScenarioSchema.FileName}; nothing was written.");
        if (File.Exists(target) && !IsScenarioSchema(target))
            throw new OutputFolderRefusedException($"--out {path}: exists and is not a scenario schema written by supplychainsim, and only such a file is replaced; nothing was written.");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temporary = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.new-{Environment.ProcessId}");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                stream.Write(System.Text.Encoding.UTF8.GetBytes(ScenarioSchema.Text()));
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static bool IsScenarioSchema(string file)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(file));
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("$id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() == ScenarioSchema.FileName
                && document.RootElement.TryGetProperty("title", out var title) && title.ValueKind == JsonValueKind.String
                && title.GetString() == ScenarioSchema.Node["title"]!.GetValue<string>();
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    internal sealed record RunRequest(string Scenario, string? OutDirectory, ulong? Seed, int? Months, int BlockSize, int Replications = 1, LiveRequest? Live = null,
        Placement Placement = Placement.Pooled);

    internal static async Task<int> Run(IAnsiConsole console, RunRequest request, CancellationToken cancellationToken)
    {
        var scenario = RunOptions.Apply(ScenarioLoader.Load(request.Scenario), request.Seed, request.Months, request.Replications);
        var world = Build(scenario, request.BlockSize, request.Placement);
        var outDirectory = request.OutDirectory ?? Path.Combine("runs", $"{scenario.Spec.Name}-{scenario.Spec.Seed}");
        // The folder is claimed before the world runs and held until the results are switched in.
        var manifest = RunManifest.For([(scenario.Spec.Name, scenario)], request.Replications);
        using var output = OutputSet.Claim(outDirectory, manifest.InputFiles, CommitSteps.FromEnvironment(cancellationToken));

        var report = new ConsoleReport(console);
        report.Header(world, outDirectory, monthLines: request.Replications == 1 && request.Live is null);
        if (request.Live is { } live) return await LiveRun.RunAsync(console, report, world, RunKey(scenario), output, manifest, outDirectory, live, cancellationToken);
        var clock = Stopwatch.StartNew();
        await using var host = await SimulationHost.StartAsync(cancellationToken);
        if (request.Replications == 1)
        {
            RunResults results;
            using (var licences = new LicenceLog(output.Stream(ResultFiles.LicencesCsv)))
                results = await host.RunAsync(world, RunKey(scenario), (month, _) =>
                {
                    report.Month(month);
                    return Task.CompletedTask;
                }, cancellationToken, licences);
            RunOutputs.Write(results, output, manifest);
            report.Summary(results, outDirectory, clock.Elapsed);
            return Written(outDirectory, cancellationToken);
        }

        RunResults first;
        IReadOnlyList<ReplicationSummary> summaries;
        using (var licences = new LicenceLog(output.Stream(ResultFiles.LicencesCsv)))
            (first, summaries) = await RunReplications(console, host, scenario, request, licences, cancellationToken);
        RunOutputs.Write(first, output, manifest, summaries);
        report.Summary(first, outDirectory, clock.Elapsed, summaries);
        report.MonteCarlo(summaries, seed => Rerun(request, seed));
        return Written(outDirectory, cancellationToken);
    }

    /// <summary>
    /// The exit code once the results are in: Ctrl+C that came after the last month (while they were rendered or
    /// written) does not stop the writing, which takes moments and leaves a whole set; it is reported, with 130.
    /// </summary>
    internal static int Written(string outDirectory, CancellationToken cancellationToken)
    {
        if (!cancellationToken.IsCancellationRequested) return ExitCodes.Success;
        Console.Error.WriteLine($"supplychainsim: cancelled while the results were being written; they were written whole to {outDirectory}.");
        return ExitCodes.Cancelled;
    }

    /// <summary>The command that reruns one replication alone, to paste into a shell in the current folder.</summary>
    internal static string Rerun(RunRequest request, ulong seed) =>
        $"{Invocation} run {ShellWord(Path.GetRelativePath(Environment.CurrentDirectory, request.Scenario))}" +
        (request.Months is { } months ? $" --months {months}" : "") + $" --seed {seed}";

    /// <summary>A word as a POSIX shell reads it back: as it is when it is plain, else in single quotes.</summary>
    internal static string ShellWord(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '_' or '-' or '+' or ',' or ':' or '=')
            ? word
            : $"'{word.Replace("'", "'\\''", StringComparison.Ordinal)}'";

    public const int MaxReplications = 100_000;

    /// <summary>Builds the world; what only building finds (a buyer no generator makes) is placed in the files too.</summary>
    internal static World Build(ResolvedScenario scenario, int blockSize, Placement placement = Placement.Pooled)
    {
        try
        {
            return WorldBuilder.Build(scenario, blockSize, placement);
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
    /// replication 0's full results (the scenario's own seed), which become the run's files, its decisions streamed to
    /// <paramref name="licences"/>.
    /// </summary>
    private static async Task<(RunResults First, IReadOnlyList<ReplicationSummary> Summaries)> RunReplications(
        IAnsiConsole console, SimulationHost host, ResolvedScenario scenario, RunRequest request, LicenceLog licences, CancellationToken cancellationToken)
    {
        RunResults? first = null;
        var summaries = Array.Empty<ReplicationSummary>();
        var finished = 0;
        await WorkProgress.RunAsync(console, $"{request.Replications:N0} replications", request.Replications, async progress =>
            summaries = await ReplicationRunner.RunAsync(host, scenario, request.Replications, request.BlockSize, (i, results) =>
            {
                if (i == 0) first = results;
                return ReplicationSummary.Of(i, results, ScenarioLoader.BuiltIn.Targets);
            }, (i, row) =>
            {
                progress.Step();
                var count = Interlocked.Increment(ref finished);
                if (!progress.Interactive)
                    console.WriteLine($"replication {i} (seed {row.Seed}) done, {count} of {request.Replications}: " +
                        $"{row.BreachCount} breaches, first {row.FirstBreachMonth?.ToString() ?? "none"}");
            }, cancellationToken, request.Placement, licences));
        return (first!, summaries);
    }

    /// <summary>Maps what went wrong to an exit code and a message: never a stack trace for bad input.</summary>
    internal static async Task<int> Execute(Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (ScenarioException e)
        {
            foreach (var error in e.Errors) Console.Error.WriteLine(TerminalText.Safe(error.ToString()));
            var count = e.Errors.Count(x => !x.IsWarning);
            Console.Error.WriteLine($"supplychainsim: the scenario is not valid ({count} error{(count == 1 ? "" : "s")}); nothing was run or written.");
            return ExitCodes.InvalidInput;
        }
        catch (Exception e) when (e is OutputFolderRefusedException or OptionException)
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
            Console.Error.WriteLine(TerminalText.Safe($"supplychainsim: {e.Message}"));
            return ExitCodes.Failure;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine(TerminalText.Safe($"supplychainsim: the run failed: {e.GetType().Name}: {e.Message}"));
            Console.Error.WriteLine(e.StackTrace);
            return ExitCodes.Failure;
        }
    }
}
