using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Spectre.Console;
using SupplyChainSim.Cli.OutputFolders;
using SupplyChainSim.Grains.Abstractions;
using SupplyChainSim.Model.MonteCarlo;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Model.Worlds;
using SupplyChainSim.Output;
using SupplyChainSim.Runs;
using SupplyChainSim.ScenarioFiles;

namespace SupplyChainSim.Cli;

/// <summary>The command line: `run`, `validate`, `schema`, `compare`, `sweep` and `explore`.</summary>
public static class Commands
{
    public static RootCommand Build(IAnsiConsole console)
    {
        var root = new RootCommand("SupplyChainSim: an actor simulation of the global AI-chip supply chain under export regimes.");
        root.Add(RunCommand(console));
        root.Add(ValidateCommand(console));
        root.Add(SchemaCommand());
        root.Add(ReportCommands.Compare(console));
        root.Add(ReportCommands.Sweep(console));
        root.Add(ExploreCommand.Build(console));
        root.Add(SiloCommand.Build(console));
        Usage.Customise(root);
        return root;
    }

    private static Command RunCommand(IAnsiConsole console)
    {
        var scenario = new Argument<FileInfo?>("scenario")
        {
            Description = "The scenario file (JSON, comments allowed).", CustomParser = PathArguments.File, Arity = ArgumentArity.ZeroOrOne,
        };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Where to write the results (default: runs/<scenario-name>-<seed>/).", CustomParser = PathArguments.Directory };
        var seed = new Option<ulong?>("--seed") { Description = "Replace the scenario's seed." };
        var months = new Option<int?>("--months") { Description = "Replace the scenario's number of months." };
        var replications = new Option<int>("--replications")
        {
            Description = "Run N replications (seeds derived from the scenario's; replication 0 is the scenario's own) and estimate breach probabilities.",
            DefaultValueFactory = _ => 1,
        };
        var poolSize = new Option<int>("--pool-size")
        {
            Description = "Generated data centres (of a country) or intermediaries (of a hub) pooled in one grain at most. A hosting choice: results do not depend on it.",
            DefaultValueFactory = _ => WorldBuilder.DefaultPoolSize,
            Hidden = true,
        };
        var grainPerAgent = new Option<bool>("--grain-per-agent")
        {
            Description = "Host every generated data centre and intermediary in a grain of its own, as the ones a scenario names are. A hosting choice: results do not depend on it.",
            Hidden = true,
        };
        var runKey = new Option<string?>("--run-key")
        {
            Description = "With --cluster: the run's key on the cluster (default <scenario-name>-<seed>). A key in use is refused; --resume takes it up.",
        };
        var resume = new Option<string?>("--resume")
        {
            Description = "With --cluster: finish the run under this key, whose client was lost (instead of a scenario file), writing where it would have.",
            HelpName = "run-key",
        };
        RunOptions.Check(seed, months, replications, poolSize);
        var live = new LiveRunOptions();
        var cluster = new ClusterCommandOptions();
        var command = new Command("run", "Run a scenario month by month on an in-process Orleans silo (or a cluster's silos) and write its results.")
        {
            scenario, output, seed, months, replications, poolSize, grainPerAgent, runKey, resume,
        };
        live.AddTo(command, replications);
        cluster.AddTo(command);
        foreach (var key in new[] { runKey, resume })
            key.Validators.Add(result =>
            {
                var value = result.GetValueOrDefault<string?>() ?? "";
                if (value.Length is 0 or > 200 || !value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
                    result.AddError($"{key.Name}: expected 1 to 200 letters, digits, '-', '_' or '.', found '{value}'");
            });
        command.Validators.Add(result =>
        {
            var resuming = result.GetResult(resume) is not null;
            if (!resuming && result.GetResult(scenario) is null) result.AddError("run: expected a scenario file (or --resume <run-key> with --cluster)");
            foreach (var option in new Option[] { runKey, resume })
                if (result.GetResult(option) is { Implicit: false } && result.GetResult(cluster.Redis) is null) result.AddError($"{option.Name} only applies with --cluster");
            if (resuming)
            {
                if (result.GetResult(scenario) is not null) result.AddError("--resume takes up a run that has its scenario already: drop the scenario file");
                foreach (var option in new Option[] { output, seed, months, replications, runKey, grainPerAgent })
                    if (result.GetResult(option) is { Implicit: false }) result.AddError($"--resume takes up a run as it was started: drop {option.Name}");
            }
            if (result.GetResult(cluster.Redis) is not null && result.GetValue<bool>("--dashboard")) result.AddError("--dashboard watches a run on this process's own silo: drop --cluster");
            if (result.GetResult(runKey) is { Implicit: false } && result.GetValue(replications) > 1)
                result.AddError("--run-key names a single run: replications on a cluster are redone, not resumed, so they take no key");
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            var request = new RunRequest(parse.GetValue(scenario)?.FullName ?? "", parse.GetValue(output)?.FullName, parse.GetValue(seed),
                parse.GetValue(months), parse.GetValue(poolSize), parse.GetValue(replications), live.Read(parse),
                parse.GetValue(grainPerAgent) ? Placement.OnePerAgent : Placement.Pooled)
            {
                Cluster = cluster.Read(parse), RunKey = parse.GetValue(runKey), Resume = parse.GetValue(resume),
            };
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
            var world = ScenarioRuns.Build(loaded, WorldBuilder.DefaultPoolSize);
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
                Posix.FlushToDisk(stream);
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

    internal sealed record RunRequest(string Scenario, string? OutDirectory, ulong? Seed, int? Months, int PoolSize, int Replications = 1, LiveRequest? Live = null,
        Placement Placement = Placement.Pooled)
    {
        /// <summary>Run on this cluster's silos instead of in this process.</summary>
        [System.Text.Json.Serialization.JsonIgnore]
        public ClusterConnection? Cluster { get; init; }

        public string? RunKey { get; init; }

        /// <summary>Take up the run under this key on the cluster, whose client was lost.</summary>
        [System.Text.Json.Serialization.JsonIgnore]
        public string? Resume { get; init; }
    }

    internal static async Task<int> Run(IAnsiConsole console, RunRequest request, CancellationToken cancellationToken)
    {
        if (request.Resume is not { } key) return await Run(console, request, null, null, cancellationToken);
        await using var host = await SimulationHost.StartAsync(request.Cluster, Warn, cancellationToken);
        var ticket = RunTicket.Parse(await host.Grains.GetGrain<IRunCoordinatorGrain>(key).Ticket())
            ?? throw new OptionException("--resume", await NoRunAsync(key, request.Cluster!));
        // The files are those the lost client would have written, manifest.json's command line included.
        RunManifest.CommandLine = ticket.CommandLine;
        return await Run(console, ticket.Request with { Cluster = request.Cluster, RunKey = key }, host, ticket, cancellationToken);
    }

    /// <summary>Why --resume finds no run: and, when Redis keeps nothing on disk and restarted since, that its checkpoints are gone.</summary>
    private static async Task<string> NoRunAsync(string key, ClusterConnection cluster)
    {
        var facts = await RedisFacts.ReadAsync(cluster);
        var restarted = facts is { Persists: false }
            ? $" Or Redis lost it: Redis {cluster.Address} has been up for {facts.Uptime.TotalSeconds:N0} s and keeps nothing on disk, so a run begun " +
              "before it last started is gone with its checkpoints and must be run again."
            : "";
        return $"there is no run {key} in progress on {cluster}: it finished (its files are written), or none began under this key.{restarted} Nothing was run or written.";
    }

    /// <param name="resumed">The run's ticket when this client takes over a run on <paramref name="resumedOn"/>'s cluster.</param>
    private static async Task<int> Run(IAnsiConsole console, RunRequest request, SimulationHost? resumedOn, RunTicket? resumed, CancellationToken cancellationToken)
    {
        var scenario = RunOptions.Apply(ScenarioLoader.Load(request.Scenario), request.Seed, request.Months, request.Replications);
        var world = ScenarioRuns.Build(scenario, request.PoolSize, request.Placement);
        var outDirectory = request.OutDirectory ?? Path.Combine("runs", $"{scenario.Spec.Name}-{scenario.Spec.Seed}");
        // The folder is claimed before the world runs and held until the results are switched in.
        var manifest = RunManifest.For([(scenario.Spec.Name, scenario)], request.Replications);
        using var output = OutputSet.Claim(outDirectory, manifest.InputFiles, CommitSteps.FromEnvironment(cancellationToken));

        var report = new ConsoleReport(console);
        report.Header(world, outDirectory, monthLines: request.Replications == 1 && request.Live is null);
        if (request.Live is { } live) return await LiveRun.RunAsync(console, report, world, ScenarioRuns.Key(scenario), output, manifest, outDirectory, live, cancellationToken);
        var clock = Stopwatch.StartNew();
        await using var started = resumedOn is null ? await SimulationHost.StartAsync(request.Cluster, Warn, cancellationToken) : null;
        var host = resumedOn ?? started!;
        if (request.Replications == 1)
        {
            Task OnMonth(MonthReport month, CancellationToken _)
            {
                report.Month(month);
                return Task.CompletedTask;
            }
            if (host.Cluster is null)
            {
                RunResults results;
                using (var licences = new LicenceLog(output.Stream(ResultFiles.LicencesCsv)))
                    results = await host.RunAsync(world, ScenarioRuns.Key(scenario), OnMonth, cancellationToken, licences);
                RunOutputs.Write(results, output, manifest);
                report.Summary(results, outDirectory, clock.Elapsed);
                return Written(outDirectory, cancellationToken);
            }
            // On a cluster a run may step months again after a lost silo, so its decisions are not streamed: they come
            // back with the results, and licences.csv is written from them.
            var key = request.RunKey ?? GrainKeys.Run(scenario.Spec.Name, scenario.Spec.Seed);
            if (resumed is null)
                // Written as one line however long (a terminal wraps it, a script reads it whole): the command is for pasting.
                Console.Out.WriteLine(TerminalText.Safe($"Run key {key} on {host.Cluster}; if this client is lost, `{Tool.Invocation} run --resume {key} {host.Cluster.Options}`{host.Cluster.PasswordHint} finishes it."));
            // The ticket's nonce tells this client's run from another's under a reused key; it stays in Redis and never
            // reaches an output file.
            var ticket = resumed is null
                ? new RunTicket(request with { OutDirectory = Path.GetFullPath(outDirectory) }, RunManifest.CommandLine, Guid.NewGuid().ToString("N"))
                : null;
            var clustered = await ClusterRun.RunAsync(host, world, key, ticket?.Serialise(), OnMonth, cancellationToken);
            RunOutputs.Write(clustered, output, manifest);
            await ClusterRun.ReleaseAsync(host, key);
            report.Summary(clustered, outDirectory, clock.Elapsed);
            return Written(outDirectory, cancellationToken);
        }

        RunResults first;
        IReadOnlyList<ReplicationSummary> summaries;
        // Replication 0's decisions are streamed to licences.csv in-process; on a cluster they come back with its results.
        using (var licences = host.Cluster is null ? new LicenceLog(output.Stream(ResultFiles.LicencesCsv)) : null)
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

    /// <summary>A line on standard error: what a run did about a failure it recovered from, or a warning.</summary>
    internal static void Warn(string message) => Console.Error.WriteLine(TerminalText.Safe($"supplychainsim: {message}"));

    /// <summary>The command that reruns one replication alone, to paste into a shell in the current folder.</summary>
    internal static string Rerun(RunRequest request, ulong seed) =>
        $"{Tool.Invocation} run {Tool.ShellWord(Path.GetRelativePath(Environment.CurrentDirectory, request.Scenario))}" +
        (request.Months is { } months ? $" --months {months}" : "") + $" --seed {seed}";

    public const int MaxReplications = 100_000;

    /// <summary>
    /// Runs the replications on the one silo (<see cref="ReplicationRunner"/>): each one's row is all that is kept, except
    /// replication 0's full results (the scenario's own seed), which become the run's files, its decisions streamed to
    /// <paramref name="licences"/>.
    /// </summary>
    private static async Task<(RunResults First, IReadOnlyList<ReplicationSummary> Summaries)> RunReplications(
        IAnsiConsole console, SimulationHost host, ResolvedScenario scenario, RunRequest request, LicenceLog? licences, CancellationToken cancellationToken)
    {
        RunResults? first = null;
        var summaries = Array.Empty<ReplicationSummary>();
        var finished = 0;
        await WorkProgress.RunAsync(console, $"{request.Replications:N0} replications", request.Replications, async progress =>
            summaries = await ReplicationRunner.RunAsync(host, scenario, request.Replications, request.PoolSize, (i, results) =>
            {
                if (i == 0) first = results;
                return ReplicationSummary.Of(i, results);
            }, (i, row) =>
            {
                progress.Step();
                var count = Interlocked.Increment(ref finished);
                if (!progress.Interactive)
                    console.WriteLine($"replication {i} (seed {row.Seed}) done, {count} of {request.Replications}: " +
                        $"{row.BreachCount} breaches, first {row.FirstBreachMonth?.ToString() ?? "none"}; {progress.Rate}");
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
        catch (Exception e) when (e is OutputFolderRefusedException or OptionException or RunKeyTakenException or RunNotResumableException)
        {
            Console.Error.WriteLine($"supplychainsim: {e.Message}");
            return ExitCodes.InvalidInput;
        }
        catch (ClusterRunLostException e)
        {
            Console.Error.WriteLine(TerminalText.Safe($"supplychainsim: {e.Message}"));
            return ExitCodes.Failure;
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
