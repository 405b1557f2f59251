using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Runs;
using SupplyChainSim.ScenarioFiles;

namespace SupplyChainSim.Cli;

/// <summary>
/// What the command line says about itself: each verb's help ends with examples and its exit codes, usage lines show
/// the command as a user types it (<see cref="Tool.Invocation"/>), and a mistyped verb or option is answered with
/// the nearest one.
/// </summary>
internal static class Usage
{
    private const string Run = Tool.Invocation;

    /// <summary>After the options: examples and exit codes, per verb.</summary>
    private static readonly Dictionary<string, string[]> Epilogues = new(StringComparer.Ordinal)
    {
        ["run"] =
        [
            "Examples:",
            $"  {Run} run scenarios/piecemeal-2025.json",
            $"  {Run} run scenarios/piecemeal-2025.json --seed 7 --months 12 --out runs/try",
            $"  {Run} run scenarios/piecemeal-2025.json --replications 100",
            $"  {Run} run scenarios/piecemeal-2025.json --dashboard",
            $"  {Run} run scenarios/piecemeal-2025.json --cluster 127.0.0.1:6380",
            $"  {Run} run --resume piecemeal-2025-2025 --cluster 127.0.0.1:6380",
            "",
            "Exit codes:",
            "  0    the results were written (with --dashboard: stopped with Ctrl+C after the last month)",
            "  1    the run failed (a folder that cannot be written, a port that is taken, a cluster that lost its Redis or",
            "       every retry); earlier results are left whole",
            "  2    invalid input: the scenario or an option, each problem named, or a run key in use on the cluster; nothing",
            "       was run or written",
            "  130  stopped with Ctrl+C before the end; nothing was written",
        ],
        ["silo"] =
        [
            "Examples:",
            $"  {Run} silo --cluster 127.0.0.1:6380",
            $"  {Run} silo --cluster redis.internal:6379 --bind 10.0.0.5 --port 11111 --gateway-port 30000",
            "",
            $"A Redis password goes in {ClusterConnection.PasswordVariable} or in a file given as --cluster-password-file, never on the",
            "command line, where other users of the machine can read it.",
            "",
            "Exit codes:",
            "  0  stopped with Ctrl+C or SIGTERM",
            "  1  the silo could not join (Redis unreachable or refusing its password, an address it cannot listen on), or it left",
            "     the cluster: declared dead (frozen or cut off for about 10 s), or its entry lost by a Redis restarted without",
            "     its data; it says which in one line. Start it again (a supervisor's Restart=on-failure does) to rejoin.",
            "  2  invalid options",
        ],
        ["validate"] =
        [
            "Examples:",
            $"  {Run} validate scenarios/piecemeal-2025.json",
            "",
            "Exit codes:",
            "  0  the scenario is valid (warnings, if any, are printed on standard error)",
            "  1  an unexpected failure",
            "  2  the scenario is not valid: every problem as file:line:column: json.path: what was expected",
        ],
        ["schema"] =
        [
            "Examples:",
            $"  {Run} schema --out scenarios/{ScenarioSchema.FileName}",
            $"  {Run} schema > my.schema.json",
            "",
            "Exit codes:",
            "  0  the schema was printed or written",
            "  1  the file could not be written",
            "  2  invalid options",
        ],
        ["compare"] =
        [
            "Examples:",
            $"  {Run} compare scenarios/diffusion-rule-2025.json scenarios/rescission-2025.json --replications 20 --out runs/compare",
            "",
            "Exit codes:",
            "  0    compare.csv and compare.html were written",
            "  1    a failure while running or writing",
            "  2    invalid input: a scenario or an option, each problem named; nothing was run or written",
            "  130  stopped with Ctrl+C: the scenarios that finished are written and the page says it is partial",
            "       (none finished: nothing is written)",
        ],
        ["sweep"] =
        [
            "A rule is named by its label or rule name, or by its index: regime.rules[lpp-exemption] is regime.rules[3] in piecemeal-2025.",
            "A TPP setting may be given in H100e (1 H100e = 15,831.2 TPP): allowanceH100e for allowanceTpp.",
            "Several --set options make a full grid: every combination of their values runs, the first --set changing slowest.",
            "",
            "Examples:",
            $"  {Run} sweep scenarios/piecemeal-2025.json --set '$.regime.rules[lpp-exemption].allowanceH100e=100,500,1000,1699.2' --replications 20 --out runs/sweep",
            $"  {Run} sweep scenarios/piecemeal-2025.json --set 'regime.rules[lpp-exemption].allowanceH100e=500,1699.2' --set 'enforcement.hubCustomsDetection=0.05,0.5' --out runs/grid",
            $"  {Run} sweep scenarios/piecemeal-stopped-2025.json --set 'regime.rules[exemption-conditions].exporterMonitoring=0.5,0.9,1' --out runs/monitoring",
            "",
            "Exit codes:",
            "  0    sweep.csv and sweep.html were written",
            "  1    a failure while running or writing",
            "  2    invalid input: the scenario, a --set path or value (an unknown or ambiguous rule name lists the rules), or an option,",
            "       each problem named; nothing was run or written",
            "  130  stopped with Ctrl+C: the points that finished are written and the page says it is partial",
            "       (none finished: nothing is written)",
        ],
        ["explore"] =
        [
            "The scenario declares what to vary in an \"uncertainties\" section: a name, a JSON path and a range (min, max) or a distribution each.",
            "Each future runs --replications replications on the replication seeds run and compare use; the sample's seed is --seed or the scenario's.",
            "",
            "Examples:",
            $"  {Run} explore scenarios/explore-shells-2025.json --samples 200 --outcome unlawful-compute:50000 --out runs/explore",
            $"  {Run} explore scenarios/explore-shells-2025.json --samples 1000 --replications 3 --seed 11 --outcome unlawful-compute:50000 --paste --out runs/explore-1000",
            "",
            "Exit codes:",
            "  0    explore.csv, sensitivity.csv, prim.csv and explore.html were written",
            "  1    a failure while running or writing",
            "  2    invalid input: the scenario (its uncertainties among the rest) or an option, each problem named; nothing was run or written",
            "  130  stopped with Ctrl+C: the futures that finished are written and the page says it is partial",
            "       (none finished: nothing is written)",
        ],
        [""] =
        [
            "Start with:",
            $"  {Run} run scenarios/piecemeal-2025.json",
            $"  {Run} run --help",
            "",
            "Exit codes: 0 success, 1 a failure while running, 2 invalid input, 130 stopped with Ctrl+C.",
        ],
    };

    /// <summary>Every verb's --help: the default text, with the usage line as typed, then the verb's examples and exit codes.</summary>
    public static void Customise(RootCommand root)
    {
        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new VerbHelp((HelpAction)help.Action!, root.Name);
    }

    /// <summary>
    /// System.CommandLine 3.0 keeps its help layout internal: this action lets its <see cref="HelpAction"/> write the
    /// default text to a buffer, puts what a user types in place of the program's name on the usage line, and adds the
    /// verb's <see cref="Epilogues"/>.
    /// </summary>
    private sealed class VerbHelp(HelpAction standard, string programName) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => standard.ClearsParseErrors;

        public override int Invoke(ParseResult parseResult)
        {
            var configuration = parseResult.InvocationConfiguration;
            var output = configuration.Output;
            using var text = new StringWriter();
            configuration.Output = text;
            int exit;
            try
            {
                exit = standard.Invoke(parseResult);
            }
            finally
            {
                configuration.Output = output;
            }
            var help = text.ToString();
            var usage = help.IndexOf($"\n  {programName}", StringComparison.Ordinal);
            if (usage >= 0) help = help[..(usage + 3)] + Tool.Invocation + help[(usage + 3 + programName.Length)..];
            output.Write(help);
            var command = parseResult.CommandResult.Command;
            if (Epilogues.TryGetValue(command is RootCommand ? "" : command.Name, out var lines))
                foreach (var line in lines) output.WriteLine(line);
            return exit;
        }
    }

    /// <summary>
    /// The parse errors as lines for standard error. A word where a verb belongs, or an option the verb does not have,
    /// is named with the nearest one (the follow-on errors it causes are left out); other errors as the parser says them.
    /// </summary>
    public static IEnumerable<string> Errors(ParseResult parsed)
    {
        var command = parsed.CommandResult.Command;
        var unmatched = parsed.UnmatchedTokens;
        var path = command is RootCommand ? "" : $" {command.Name}";
        var help = $"Try '{Tool.Invocation}{path} --help'.";
        if (command is RootCommand && unmatched.Count > 0 && !unmatched[0].StartsWith('-'))
        {
            var verbs = command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name).ToList();
            var nearest = Nearest(unmatched[0], verbs);
            return [
                $"supplychainsim: unknown command '{unmatched[0]}'" +
                    (nearest is null ? $"; the commands are {string.Join(", ", verbs)}" : $"; did you mean '{nearest}'?"),
                help,
            ];
        }

        var lines = new List<string>();
        var explained = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < unmatched.Count; i++)
        {
            var token = unmatched[i];
            if (!token.StartsWith('-') || token == "-") continue;
            var name = token.Split('=', 2)[0];
            var options = command.Options.Concat(parsed.RootCommandResult.Command.Options.Where(o => o.Recursive)).Where(o => !o.Hidden)
                .SelectMany(o => o.Aliases.Prepend(o.Name)).Distinct().ToList();
            var nearest = Nearest(name, options.Where(o => o.StartsWith("--", StringComparison.Ordinal)));
            lines.Add($"supplychainsim: unknown option '{name}'{(path.Length > 0 ? $" for '{command.Name}'" : "")}" +
                (nearest is null ? "" : $"; did you mean '{nearest}'?"));
            explained.Add(token);
            // The word after an unknown option is most likely its value, not a stray argument.
            if (!token.Contains('=') && i + 1 < unmatched.Count && !unmatched[i + 1].StartsWith('-')) explained.Add(unmatched[++i]);
        }
        lines.AddRange(parsed.Errors.Select(e => e.Message).Where(m => !explained.Any(t => m.Contains($"'{t}'", StringComparison.Ordinal)))
            .Select(m => $"supplychainsim: {m}"));
        lines.Add(help);
        return lines;
    }

    /// <summary>The known word nearest to a typed one, if it is near enough (the scenario loader's did-you-mean).</summary>
    private static string? Nearest(string typed, IEnumerable<string> known)
    {
        var suggestion = Misspelling.DidYouMean(typed, known);
        var start = suggestion.IndexOf('"');
        return start < 0 ? null : suggestion[(start + 1)..suggestion.LastIndexOf('"')];
    }
}
