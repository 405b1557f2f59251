using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using SupplyChainSim.Cli.OutputFolders;
using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Model.Worlds;
using SupplyChainSim.Reports;
using SupplyChainSim.Runs;
using SupplyChainSim.ScenarioFiles;

namespace SupplyChainSim.Cli;

/// <summary>
/// `compare` and `sweep`: several regimes run on the same seeds on one silo, in turn (<see cref="RegimeRuns"/>), each with
/// its replications; their outcomes side by side in a CSV and an HTML page.
/// </summary>
internal static class ReportCommands
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static Command Compare(IAnsiConsole console)
    {
        var scenarios = new Argument<FileInfo[]>("scenarios") { Description = "Two or more scenario files to compare.", Arity = ArgumentArity.OneOrMore, CustomParser = PathArguments.Files };
        var options = new SharedOptions("Where to write compare.csv and compare.html.", each: "scenario",
            seed: "The seed every scenario starts from (default: the first scenario's).", months: "Replace every scenario's number of months.");
        var command = new Command("compare", "Run scenarios on the same seeds and write compare.csv and compare.html: the regimes side by side.") { scenarios };
        options.AddTo(command);
        scenarios.Validators.Add(result =>
        {
            if (result.Tokens.Count < 2) result.AddError($"compare: expected at least 2 scenario files, found {result.Tokens.Count}");
        });
        command.SetAction(async (parse, cancellationToken) => await Commands.Execute(() =>
        {
            var files = parse.GetValue(scenarios)!.Select(f => Path.GetRelativePath(Environment.CurrentDirectory, f.FullName)).ToList();
            var loaded = LoadAll(files.Select(file => (file, (IReadOnlyList<ScenarioOverride>)[])));
            // The same seeds for every regime: --seed, or else the first scenario's.
            var seed = parse.GetValue(options.Seed) ?? loaded[0].Scenario.Spec.Seed;
            var runs = loaded.Select(s => new RegimeRun(s.Scenario.Spec.Name, options.Apply(parse, s.Scenario.WithSeed(seed))) { World = s.World }).ToList();
            return RunAndWrite(console, options.Request(parse), runs, "scenarios", ComparisonFiles(files), cancellationToken);
        }));
        return command;
    }

    public static Command Sweep(IAnsiConsole console)
    {
        var scenario = new Argument<FileInfo>("scenario") { Description = "The scenario file to vary.", CustomParser = PathArguments.File };
        var set = new Option<string[]>("--set")
        {
            Description = "A parameter to vary and its values: <json.path>=<v1>,<v2>,... The path is read in the scenario after its extends are merged, " +
                "with or without \"$.\"; a rule may be named by its label or rule name instead of its index ($.regime.rules[lpp-exemption].allowanceTpp), " +
                "and a TPP setting given in H100e (allowanceH100e). Values as JSON, split at commas. Give --set again to vary another parameter: " +
                "every combination is run (a full grid).",
            Required = true,
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        var options = new SharedOptions("Where to write sweep.csv and sweep.html.", each: "point",
            seed: "The seed every point starts from (default: the scenario's).", months: "Replace the scenario's number of months at every point.");
        var command = new Command("sweep",
            "Run a scenario once per value of a parameter (or per combination, with several --set), on the same seeds, and write sweep.csv and sweep.html.")
        {
            scenario, set,
        };
        options.AddTo(command);
        command.SetAction(async (parse, cancellationToken) => await Commands.Execute(() =>
        {
            var file = Path.GetRelativePath(Environment.CurrentDirectory, parse.GetValue(scenario)!.FullName);
            var sets = parse.GetValue(set)!.Select(ParseSet).ToList();
            var grid = SweepReport.Grid(sets.Select(s => s.Values.Count).ToList());
            var loaded = LoadAll(grid.Select(point => (file, (IReadOnlyList<ScenarioOverride>)point.Select((v, p) => sets[p].Values[v]).ToList())));
            var parameters = Parameters(file, sets, loaded[0].Scenario);
            var runs = loaded.Select((s, i) => new RegimeRun(PointLabel(sets, grid[i]), options.Apply(parse, s.Scenario)) { World = s.World }).ToList();
            return RunAndWrite(console, options.Request(parse), runs, sets.Count == 1 ? "values" : "points", (rows, planned) =>
            {
                var points = rows.Select((row, i) => new SweepPoint(row, grid[i])).ToList();
                return new Dictionary<string, byte[]>
                {
                    [SweepReport.CsvName] = SweepReport.Csv(parameters, points),
                    [SweepReport.HtmlName] = SweepReport.Html(file, parameters, points, planned),
                };
            }, cancellationToken);
        }));
        return command;
    }

    /// <summary>A point as the console names it: the value alone for one parameter, "key=value, ..." for a grid.</summary>
    private static string PointLabel(IReadOnlyList<(string Path, IReadOnlyList<ScenarioOverride> Values)> sets, IReadOnlyList<int> point) =>
        sets.Count == 1 ? sets[0].Values[point[0]].ValueText
            : string.Join(", ", point.Select((v, p) => $"{sets[p].Values[v].Key}={sets[p].Values[v].ValueText}"));

    /// <summary>
    /// The parameters as the page shows them, from the scenario loaded without --set (for its own values and its
    /// rules' names) and the first point's overrides (their paths resolved). The same setting twice (by index and by
    /// label, or in TPP and in H100e) is an error of the option.
    /// </summary>
    private static IReadOnlyList<SweepParameter> Parameters(string file, IReadOnlyList<(string Path, IReadOnlyList<ScenarioOverride> Values)> sets, ResolvedScenario first)
    {
        var settings = first.Overrides.Select(o => o.ResolvedPath ?? o.Path).Select(p => TppKeys.OtherUnit(p[(p.LastIndexOf('.') + 1)..]) is { } other
            && p.EndsWith(TppKeys.H100eSuffix, StringComparison.Ordinal) ? p[..(p.LastIndexOf('.') + 1)] + other : p).ToList();
        for (var i = 0; i < settings.Count; i++)
            if (settings.IndexOf(settings[i]) is var earlier && earlier < i)
                throw new OptionException("--set", $"{sets[i].Path} sets the same value as {sets[earlier].Path} ({settings[i]}); give each parameter once");
        var plain = ScenarioLoader.Load(file);
        return sets.Select((s, i) => SweepParameter.Of(first.Overrides[i].Path, first.Overrides[i].ResolvedPath, s.Values.Select(v => v.ValueText).ToList(), plain)).ToList();
    }

    /// <summary>A --set that is not "path=values" at all is the option's fault, not the scenario's.</summary>
    private static (string Path, IReadOnlyList<ScenarioOverride> Values) ParseSet(string assignment)
    {
        try
        {
            return ScenarioOverride.ParseMany(assignment);
        }
        catch (ScenarioException e)
        {
            throw new OptionException("--set", string.Join("; ", e.Errors.Select(x => $"{x.JsonPath}: {x.Message}")));
        }
    }

    internal static Func<IReadOnlyList<RegimeOutcome>, int, IReadOnlyDictionary<string, byte[]>> ComparisonFiles(IReadOnlyList<string> files) =>
        (rows, planned) => new Dictionary<string, byte[]>
        {
            [ComparisonReport.CsvName] = ComparisonReport.Csv(rows, files),
            [ComparisonReport.ReplicationsCsvName] = ComparisonReport.ReplicationsCsv(rows, files),
            [ComparisonReport.HtmlName] = ComparisonReport.Html(rows, files, planned),
        };

    /// <summary>
    /// Loads every scenario and builds its world before anything runs, and reports the problems of all of them at
    /// once; each with what its world is, so that regimes run in different worlds can be named.
    /// </summary>
    private static List<(ResolvedScenario Scenario, ComparedWorld World)> LoadAll(IEnumerable<(string File, IReadOnlyList<ScenarioOverride> Overrides)> scenarios)
    {
        var loaded = new List<(ResolvedScenario, ComparedWorld)>();
        var errors = new List<ScenarioError>();
        foreach (var (file, overrides) in scenarios)
        {
            try
            {
                var scenario = ScenarioLoader.Load(file, overrides);
                loaded.Add((scenario, ComparedWorld.Of(scenario, ScenarioRuns.Build(scenario, WorldBuilder.DefaultPoolSize))));
            }
            catch (ScenarioException e)
            {
                errors.AddRange(e.Errors);
            }
        }
        if (errors.Count > 0) throw new ScenarioException(errors.Distinct().ToList());
        return loaded;
    }

    internal sealed record OutcomeRequest(string OutDirectory, int Replications, int PoolSize)
    {
        public ClusterConnection? Cluster { get; init; }
    }

    /// <summary>
    /// Runs the regimes and writes what <paramref name="render"/> makes of the finished ones, as one set. Cancelled,
    /// it keeps the regimes that finished (exit 130, the pages say "partial"); with none finished it writes nothing.
    /// </summary>
    /// <param name="finished">Called as each regime finishes (tests cancel from here).</param>
    internal static async Task<int> RunAndWrite(IAnsiConsole console, OutcomeRequest request, IReadOnlyList<RegimeRun> runs, string what,
        Func<IReadOnlyList<RegimeOutcome>, int, IReadOnlyDictionary<string, byte[]>> render, CancellationToken cancellationToken,
        Action<RegimeOutcome>? finished = null)
    {
        var clock = Stopwatch.StartNew();
        // The folder is claimed before anything runs and held until the results are switched in.
        var manifest = RunManifest.For(runs.Select(r => (r.Label, r.Scenario)).ToList(), request.Replications);
        using var output = OutputSet.Claim(request.OutDirectory, manifest.InputFiles, CommitSteps.FromEnvironment(cancellationToken));
        var first = runs[0].Scenario.Spec;
        // A grid point's label lists its values with commas: points are set apart with semicolons.
        var separator = runs.Any(r => r.Label.Contains(", ", StringComparison.Ordinal)) ? "; " : ", ";
        console.WriteLine(TerminalText.Safe($"{runs.Count} {what} ({string.Join(separator, runs.Select(r => r.Label))}), seed {first.Seed}, " +
            $"{request.Replications:N0} replication{(request.Replications == 1 ? "" : "s")} each, {first.Start} for {first.Months} months; writing to {request.OutDirectory}"));
        await using var host = await SimulationHost.StartAsync(request.Cluster, Commands.Warn, cancellationToken);
        (IReadOnlyList<RegimeOutcome> Rows, bool Stopped) outcome = ([], false);
        await WorkProgress.RunAsync(console, "starting", runs.Count * request.Replications, async progress => outcome = await RegimeRuns.RunAsync(host, runs,
            request.Replications, request.PoolSize,
            starting: (run, index) => progress.Describe(TerminalText.Safe($"{run.Label} ({index + 1} of {runs.Count})")),
            replicated: progress.Step,
            finished: (row, index) =>
            {
                if (!progress.Interactive)
                    console.WriteLine(TerminalText.Safe($"{row.Label} done, {index + 1} of {runs.Count}: P(breach) {row.MonteCarlo.BreachProbability.ToString("0.000", Invariant)}, " +
                        $"first breach {row.MonteCarlo.FirstBreachMedian?.ToString() ?? "none"}; {progress.Rate}"));
                finished?.Invoke(row);
            }, cancellationToken));
        var (rows, stopped) = outcome;
        Summarise(console, rows);
        // Scenarios compared over different periods or worlds measure more than their regimes; a sweep varies what it varies on purpose.
        if (what == "scenarios")
            foreach (var warning in Comparability.Warnings(rows)) Console.Error.WriteLine(TerminalText.Safe($"supplychainsim: warning: {warning}"));
        if (rows.Count == 0)
        {
            Console.Error.WriteLine($"supplychainsim: cancelled before the first of {runs.Count} {what} finished; nothing was written.");
            return ExitCodes.Cancelled;
        }
        var files = manifest.AddTo(render(rows, runs.Count));
        output.Commit(files);
        var written = $"{string.Join(", ", files.Keys.Order(StringComparer.Ordinal))} to {request.OutDirectory} in {clock.Elapsed.TotalSeconds.ToString("0.0", Invariant)} s";
        if (!stopped)
        {
            console.WriteLine(TerminalText.Safe($"Wrote {written}"));
            return Commands.Written(request.OutDirectory, cancellationToken);
        }
        Console.Error.WriteLine(TerminalText.Safe($"supplychainsim: cancelled; partial: stopped after {rows.Count} of {runs.Count} {what} " +
            $"(kept {string.Join(separator, rows.Select(r => r.Label))}); wrote {written}"));
        return ExitCodes.Cancelled;
    }

    /// <summary>
    /// A row per regime: its breach probability with its interval ("deterministic" when every replication was alike),
    /// and, against the first, the paired difference with its interval and the exact McNemar p-value.
    /// </summary>
    private static void Summarise(IAnsiConsole console, IReadOnlyList<RegimeOutcome> rows)
    {
        if (rows.Count == 0) return;
        var paired = ComparisonReport.Paired(rows);
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn("");
        foreach (var name in new[] { "P(breach)", "95% interval", "first breach (median)", "largest excess H100e (median)", "smuggled H100e (mean)",
                     $"P(breach) minus {rows[0].Label}, paired" })
            table.AddColumn(new TableColumn(Markup.Escape(TerminalText.Safe(name))).RightAligned());
        string P(double value) => value.ToString("0.000", Invariant);
        for (var i = 0; i < rows.Count; i++)
        {
            var mc = rows[i].MonteCarlo;
            var difference = paired[i] is not { } pair ? ""
                : pair.Deterministic ? $"{P(pair.AnyBreach.Difference)}, deterministic"
                : $"{P(pair.AnyBreach.Difference)} ({P(pair.AnyBreach.Lower95)} to {P(pair.AnyBreach.Upper95)}), McNemar p {P(pair.AnyBreach.McNemarP)}";
            table.AddRow(Markup.Escape(TerminalText.Safe(rows[i].Label)), P(mc.BreachProbability),
                mc.Deterministic ? "deterministic" : $"{P(mc.BreachProbabilityLower95)} to {P(mc.BreachProbabilityUpper95)}",
                mc.FirstBreachMedian?.ToString() ?? "none", mc.LargestUnauthorisedClusterMedian.ToString("N1", Invariant),
                mc.SmuggledH100eMean.ToString("N1", Invariant), difference);
        }
        console.Write(table);
        if (rows.Any(r => r.MonteCarlo.KeptOutMean is null)) return;
        // Why compute did not reach the grey market's labs, side by side: the way each regime works.
        var kept = new Table().Border(TableBorder.Rounded).Title("Why controlled compute did not reach China's labs (mean H100e)");
        kept.AddColumn("");
        foreach (var name in new[] { "deterred (left unbought)", "seized", "substituted (lawful, domestic, rented)", "smuggled (delivered)" })
            kept.AddColumn(new TableColumn(name).RightAligned());
        foreach (var row in rows)
        {
            var k = row.MonteCarlo.KeptOutMean!;
            kept.AddRow(Markup.Escape(TerminalText.Safe(row.Label)), k.DeterredH100e.ToString("N0", Invariant), k.SeizedH100e.ToString("N0", Invariant),
                k.SubstitutedH100e.ToString("N0", Invariant), row.MonteCarlo.SmuggledH100eMean.ToString("N0", Invariant));
        }
        console.Write(kept);
    }

    /// <summary>Options compare and sweep share with run, described in each verb's own words.</summary>
    /// <param name="each">What is run once per item: "scenario" (compare) or "value" (sweep).</param>
    private sealed class SharedOptions(string outDescription, string each, string seed, string months)
    {
        public readonly Option<DirectoryInfo> Out = new("--out") { Description = outDescription, Required = true, CustomParser = PathArguments.Directory };
        public readonly Option<ulong?> Seed = new("--seed") { Description = seed };
        public readonly Option<int?> Months = new("--months") { Description = months };
        public readonly Option<int> Replications = new("--replications")
        {
            Description = $"Replications per {each}, on the same seeds for every {each} (replication 0 has the seed itself).",
            DefaultValueFactory = _ => 1,
        };
        public readonly Option<int> PoolSize = new("--pool-size")
        {
            Description = "Generated data centres (of a country) or intermediaries (of a hub) pooled in one grain at most. A hosting choice: results do not depend on it.",
            DefaultValueFactory = _ => WorldBuilder.DefaultPoolSize,
            Hidden = true,
        };
        public readonly ClusterCommandOptions Cluster = new();

        public void AddTo(Command command)
        {
            Cluster.AddTo(command);
            RunOptions.Check(Seed, Months, Replications, PoolSize);
            command.Add(Out);
            command.Add(Seed);
            command.Add(Months);
            command.Add(Replications);
            command.Add(PoolSize);
        }

        public ResolvedScenario Apply(ParseResult parse, ResolvedScenario scenario) =>
            RunOptions.Apply(scenario, parse.GetValue(Seed), parse.GetValue(Months), parse.GetValue(Replications));

        public OutcomeRequest Request(ParseResult parse) =>
            new(parse.GetValue(Out)!.FullName, parse.GetValue(Replications), parse.GetValue(PoolSize)) { Cluster = Cluster.Read(parse) };
    }
}
