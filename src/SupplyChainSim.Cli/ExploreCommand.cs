using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using SupplyChainSim.Cli.OutputFolders;
using SupplyChainSim.Model.Breaches;
using SupplyChainSim.Model.Exploration;
using SupplyChainSim.Model.Randomness;
using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Model.Worlds;
using SupplyChainSim.Reports;
using SupplyChainSim.Runs;
using SupplyChainSim.ScenarioFiles;

namespace SupplyChainSim.Cli;

/// <summary>
/// `explore`: many futures at once. The scenario's `uncertainties` are sampled by Latin hypercube, each point runs its
/// replications on the usual replication seeds, and the outcomes are analysed for what drives them (PRCC) and where
/// the breach sought is likely (PRIM): explore.csv, sensitivity.csv, prim.csv and explore.html.
/// </summary>
internal static class ExploreCommand
{
    public const int MaxSamples = 100_000;

    /// <summary>Runs at most this many replications in all (samples x replications): a bound on time, not on memory.</summary>
    public const long MaxRuns = 1_000_000;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static Command Build(IAnsiConsole console)
    {
        var scenario = new Argument<FileInfo>("scenario") { Description = "The scenario file, with an \"uncertainties\" section.", CustomParser = PathArguments.File };
        var samples = new Option<int>("--samples") { Description = $"How many futures to draw (1 to {MaxSamples:N0}).", Required = true };
        var output = new Option<DirectoryInfo>("--out") { Description = "Where to write explore.csv, sensitivity.csv, prim.csv and explore.html.", Required = true, CustomParser = PathArguments.Directory };
        var seed = new Option<ulong?>("--seed") { Description = "The seed of the sample and of every future's replications (default: the scenario's)." };
        var months = new Option<int?>("--months") { Description = "Replace the scenario's number of months." };
        var replications = new Option<int>("--replications")
        {
            Description = "Replications per future, on the same replication seeds for every future (replication 0 has the seed itself).",
            DefaultValueFactory = _ => 1,
        };
        var outcome = new Option<string>("--outcome")
        {
            Description = "The breach outcome PRIM looks for: any (a breach of any kind), a kind (unlawful-compute, piecemeal-exemption, no-clustering), " +
                "or a kind and one of its concern thresholds (unlawful-compute:10000).",
            DefaultValueFactory = _ => "any",
        };
        var paste = new Option<bool>("--paste") { Description = "Widen the box PRIM chose again while that raises its density (Friedman and Fisher's pasting)." };
        var poolSize = new Option<int>("--pool-size")
        {
            Description = "Generated data centres (of a country) or intermediaries (of a hub) pooled in one grain at most. A hosting choice: results do not depend on it.",
            DefaultValueFactory = _ => WorldBuilder.DefaultPoolSize,
            Hidden = true,
        };
        RunOptions.Check(seed, months, replications, poolSize);
        samples.CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
            if (!int.TryParse(text, NumberStyles.AllowLeadingSign, Invariant, out var value) || value < 1 || value > MaxSamples)
            {
                result.AddError($"--samples: expected a whole number from 1 to {MaxSamples:N0}, found {(int.TryParse(text, NumberStyles.AllowLeadingSign, Invariant, out _) ? text : $"\"{text}\"")}");
                return 1;
            }
            return value;
        };
        var command = new Command("explore",
            "Sample the scenario's uncertainties by Latin hypercube, run each future, and find what drives a breach (PRCC) and where it is likely (PRIM).")
        {
            scenario, samples, output, seed, months, replications, outcome, paste, poolSize,
        };
        var cluster = new ClusterCommandOptions();
        cluster.AddTo(command);
        command.SetAction(async (parse, cancellationToken) => await Commands.Execute(() => Run(console, new ExploreRequest(
            Path.GetRelativePath(Environment.CurrentDirectory, parse.GetValue(scenario)!.FullName), parse.GetValue(output)!.FullName, parse.GetValue(samples),
            parse.GetValue(replications), parse.GetValue(seed), parse.GetValue(months), parse.GetValue(outcome)!, parse.GetValue(paste), parse.GetValue(poolSize),
            cluster.Read(parse)),
            cancellationToken)));
        return command;
    }

    internal sealed record ExploreRequest(string Scenario, string OutDirectory, int Samples, int Replications, ulong? Seed, int? Months, string Outcome,
        bool Paste = false, int PoolSize = WorldBuilder.DefaultPoolSize, ClusterConnection? Cluster = null);

    /// <param name="finished">Called as each future finishes (tests cancel from here).</param>
    internal static async Task<int> Run(IAnsiConsole console, ExploreRequest request, CancellationToken cancellationToken, Action<ExplorePoint>? finished = null)
    {
        var clock = Stopwatch.StartNew();
        var scenario = RunOptions.Apply(ScenarioLoader.Load(request.Scenario), request.Seed, request.Months, request.Replications);
        if ((long)request.Samples * request.Replications > MaxRuns)
            throw new OptionException("--samples", $"{request.Samples:N0} futures x {request.Replications:N0} replications is more than {MaxRuns:N0} runs; expected fewer");
        var inputs = ExplorationSpace.Of(scenario);
        if (inputs.Count == 0)
            throw ScenarioLoader.Locate(new ScenarioException(new ScenarioError(scenario.SourceFile, null, null, "$",
                "explore needs an \"uncertainties\" section: the inputs to vary, such as { \"name\": \"customs detection\", \"path\": \"$.enforcement.hubCustomsDetection\", " +
                "\"min\": 0.02, \"max\": 0.4 }; found none")), scenario);
        var thresholds = BreachThresholds.From(scenario.Spec.BreachThresholdsH100e, scenario.Spec.BreachThresholdsH100eByKind);
        var (target, problem) = ExploreTarget.Parse(request.Outcome, thresholds);
        if (target is null) throw new OptionException("--outcome", problem!);
        CheckCorners(scenario, inputs, request.PoolSize);

        var seed = scenario.Spec.Seed;
        var shares = LatinHypercube.Sample(request.Samples, inputs.Count, new RandomStreams(seed).For("explore", 0, "latin-hypercube"));
        var values = shares.Select(u => (IReadOnlyList<double>)inputs.Select((input, j) => input.ValueAt(u[j])).ToArray()).ToList();

        // The folder is claimed before anything runs and held until the results are switched in.
        var manifest = RunManifest.For([(scenario.Spec.Name, scenario)], request.Replications);
        using var output = OutputSet.Claim(request.OutDirectory, manifest.InputFiles, CommitSteps.FromEnvironment(cancellationToken));
        console.WriteLine(TerminalText.Safe($"{request.Samples:N0} futures of {scenario.Spec.Name} over {inputs.Count} inputs ({string.Join(", ", inputs.Select(i => i.Name))}), " +
            $"seed {seed}, {request.Replications:N0} replication{(request.Replications == 1 ? "" : "s")} each, {scenario.Spec.Start} for {scenario.Spec.Months} months; " +
            $"seeking {target.Describe()}; writing to {request.OutDirectory}"));
        await using var host = await SimulationHost.StartAsync(request.Cluster, Commands.Warn, cancellationToken);
        var (points, stopped) = await RunPoints(console, host, scenario, inputs, values, request, target, finished, cancellationToken);
        if (points.Count == 0)
        {
            Console.Error.WriteLine($"supplychainsim: cancelled before the first of {request.Samples:N0} futures finished; nothing was written.");
            return ExitCodes.Cancelled;
        }

        var analysis = ExplorationAnalysis.Of(inputs, points, target, thresholds, request.Paste);
        var run = new ExploreRun(scenario.Spec.Name, request.Scenario, scenario.Spec.Description, seed, scenario.Spec.Start, scenario.Spec.Months,
            request.Replications, request.Samples, thresholds);
        var files = manifest.AddTo(new Dictionary<string, byte[]>
        {
            [ExploreReport.CsvName] = ExploreReport.Csv(analysis, thresholds),
            [ExploreReport.SensitivityName] = ExploreReport.SensitivityCsv(analysis),
            [ExploreReport.PrimName] = ExploreReport.PrimCsv(analysis),
            [ExploreReport.HtmlName] = ExploreReport.Html(run, analysis),
        });
        output.Commit(files);
        Summarise(console, analysis);
        var written = $"{string.Join(", ", files.Keys.Order(StringComparer.Ordinal))} to {request.OutDirectory} in {clock.Elapsed.TotalSeconds.ToString("0.0", Invariant)} s";
        if (!stopped)
        {
            console.WriteLine(TerminalText.Safe($"Wrote {written}"));
            console.WriteLine(TerminalText.Safe($"Charts and boxes: open {Path.Combine(request.OutDirectory, ExploreReport.HtmlName)} in a browser (it needs no network)."));
            return Commands.Written(request.OutDirectory, cancellationToken);
        }
        Console.Error.WriteLine(TerminalText.Safe($"supplychainsim: cancelled; partial: stopped after {points.Count:N0} of {request.Samples:N0} futures; wrote {written}"));
        return ExitCodes.Cancelled;
    }

    /// <summary>
    /// Builds the worlds with every input at the lowest value it can be sampled at, then at the highest, so that what
    /// only a whole world can check (totals of generated agents, a heavy tail's draws) fails now, placed in the file,
    /// rather than at some future hours into the run.
    /// </summary>
    private static void CheckCorners(ResolvedScenario scenario, IReadOnlyList<ExploredInput> inputs, int poolSize)
    {
        foreach (var (share, end) in new[] { (1e-9, "lowest"), (1 - 1e-9, "highest") })
        {
            try
            {
                var laid = scenario.At(inputs.Select(i => (i.ResolvedPath, i.Json(i.ValueAt(share)))).ToList());
                // The section was checked as the file was loaded; at a corner an entry that samples an uncertain input's
                // own distribution finds a plain number at its path, which is what was laid there, not a mistake.
                var corner = laid with { Spec = laid.Spec with { Uncertainties = [] } };
                if (ScenarioValidator.Validate(corner).Where(e => !e.IsWarning).ToList() is { Count: > 0 } errors) throw new ScenarioException(errors);
                WorldBuilder.Build(corner, poolSize);
            }
            catch (ScenarioException e)
            {
                var said = new ScenarioException(e.Errors.Select(x => x with { Message = $"{x.Message} (with every input of \"uncertainties\" at its {end} value)" }).ToList());
                throw ScenarioLoader.Locate(said, scenario);
            }
        }
    }

    /// <summary>Every future's replications (<see cref="ExplorationRuns"/>), with a progress bar, or a line now and then when output is redirected.</summary>
    private static async Task<(IReadOnlyList<ExplorePoint> Points, bool Stopped)> RunPoints(IAnsiConsole console, SimulationHost host, ResolvedScenario scenario,
        IReadOnlyList<ExploredInput> inputs, IReadOnlyList<IReadOnlyList<double>> values, ExploreRequest request, ExploreTarget target,
        Action<ExplorePoint>? finished, CancellationToken cancellationToken)
    {
        var (count, replications) = (values.Count, request.Replications);
        var finishedCount = 0;
        var clock = Stopwatch.StartNew();
        // About twenty lines over the whole run.
        var every = Math.Max(1, count / 20);
        (IReadOnlyList<ExplorePoint> Points, bool Stopped) outcome = ([], false);
        await WorkProgress.RunAsync(console, $"{count:N0} futures x {replications:N0} replication{(replications == 1 ? "" : "s")}", count * replications, async progress =>
            outcome = await ExplorationRuns.RunAsync(host, scenario, inputs, values, replications, request.PoolSize, progress.Step, explored =>
            {
                var finishedNow = Interlocked.Increment(ref finishedCount);
                finished?.Invoke(explored);
                if (!progress.Interactive && (finishedNow % every == 0 || finishedNow == count))
                {
                    var remaining = clock.Elapsed.TotalSeconds / finishedNow * (count - finishedNow);
                    console.WriteLine(TerminalText.Safe($"future {explored.Index} done, {finishedNow:N0} of {count:N0}: P({target.Describe()}) " +
                        $"{target.Probability(explored).ToString("0.000", Invariant)}; {progress.Rate}, about {Duration(remaining)} left"));
                }
            }, cancellationToken));
        return outcome;
    }

    private static string Duration(double seconds) =>
        seconds < 90 ? $"{seconds.ToString("0", Invariant)} s" : seconds < 5400 ? $"{(seconds / 60).ToString("0", Invariant)} min" : $"{(seconds / 3600).ToString("0.0", Invariant)} h";

    /// <summary>What was found, on the console: the outcome's share, its drivers and the box in words.</summary>
    private static void Summarise(IAnsiConsole console, ExplorationAnalysis analysis)
    {
        var n = analysis.Points.Count;
        console.WriteLine(TerminalText.Safe($"{analysis.Target.Describe()}: likely (in more than half of a future's replications) in {analysis.Cases:N0} of {n:N0} futures " +
            $"({((double)analysis.Cases / n * 100).ToString("0.0", Invariant)}%)"));
        console.WriteLine(TerminalText.Safe("What drives it (partial rank correlation with its probability):"));
        var sensitivity = analysis.TargetSensitivity;
        var width = Math.Max(6, analysis.Inputs.Max(i => i.Name.Length));
        foreach (var j in Enumerable.Range(0, analysis.Inputs.Count).OrderByDescending(j => sensitivity.ByInput[j].Measured ? Math.Abs(sensitivity.ByInput[j].Value) : -1).ThenBy(j => j))
            console.WriteLine(TerminalText.Safe($"  {analysis.Inputs[j].Name.PadRight(width)}  {ExploreReport.Coefficient(sensitivity.ByInput[j])}"));
        console.WriteLine(TerminalText.Safe($"Where it is likely (PRIM): {ExploreReport.BoxInWords(analysis)}"));
    }
}
