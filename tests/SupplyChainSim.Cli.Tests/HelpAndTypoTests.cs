using Spectre.Console;

namespace SupplyChainSim.Cli.Tests;

/// <summary>Each verb's help in its own words, with examples that parse and its exit codes; typos answered with the nearest word.</summary>
public class HelpAndTypoTests
{
    private const string Typed = "dotnet run --project src/SupplyChainSim.Cli --";

    [Theory]
    [InlineData("run", "Run a scenario month by month", "--replications", "130  stopped with Ctrl+C before the end")]
    [InlineData("validate", "Check a scenario file without running it", "validate scenarios/piecemeal-2025.json", "2  the scenario is not valid")]
    [InlineData("schema", "Print the JSON Schema of scenario files", "schema --out scenarios/scenario.schema.json", "1  the file could not be written")]
    [InlineData("compare", "Replications per scenario, on the same seeds for every scenario", "Replace every scenario's number of months", "compare.csv and compare.html were written")]
    [InlineData("sweep", "Replications per point, on the same seeds for every point", "Replace the scenario's number of months at every point", "sweep.csv and sweep.html were written")]
    public async Task Each_verb_has_its_own_help_with_examples_and_exit_codes(string verb, string words, string more, string exitCode)
    {
        var result = await Cli.RunAsync(verb, "--help");
        Assert.True(result.ExitCode == 0, result.Error);
        var help = result.Out;
        Assert.Contains($"Usage:\n  {Typed} {verb}", help);
        Assert.Contains(words, help);
        Assert.Contains(more, help);
        Assert.Contains("\nExamples:\n", help);
        Assert.Contains($"\n  {Typed} {verb} ", help);
        Assert.Contains("\nExit codes:\n  0 ", help);
        Assert.Contains(exitCode, help);
        Assert.DoesNotContain("supplychainsim ", help);
        if (verb == "sweep")
        {
            Assert.Contains("Several --set options make a full grid: every combination of their values runs", help);
            Assert.Contains("regime.rules[lpp-exemption] is regime.rules[3] in piecemeal-2025", help);
            Assert.Contains("allowanceH100e for allowanceTpp", help);
            Assert.DoesNotContain("per regime", help);
            Assert.DoesNotContain("scenarios' number", help);
        }
    }

    [Theory]
    [InlineData("run")]
    [InlineData("validate")]
    [InlineData("schema")]
    [InlineData("compare")]
    [InlineData("sweep")]
    [InlineData("silo")]
    public async Task Every_example_in_the_help_is_a_command_line_the_tool_accepts(string verb)
    {
        var help = (await Cli.RunAsync(verb, "--help")).Out;
        var examples = help.Split('\n').SkipWhile(l => l != "Examples:").Skip(1).TakeWhile(l => l.Length > 0).ToList();
        Assert.NotEmpty(examples);
        var root = Commands.Build(AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(TextWriter.Null) }));
        foreach (var example in examples)
        {
            Assert.StartsWith($"  {Typed} {verb} ", example);
            var words = ShellWords(example[(Typed.Length + 3)..]).TakeWhile(w => w != ">").ToArray();
            var parsed = root.Parse(words);
            Assert.True(parsed.Errors.Count == 0, $"{example}: {string.Join("; ", parsed.Errors.Select(e => e.Message))}");
            Assert.Equal(verb, parsed.CommandResult.Command.Name);
        }
    }

    [Fact]
    public async Task The_top_level_help_shows_the_first_command_and_the_exit_codes()
    {
        var result = await Cli.RunAsync("--help");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"Usage:\n  {Typed} [command] [options]", result.Out);
        Assert.Contains($"  {Typed} run scenarios/piecemeal-2025.json\n", result.Out);
        Assert.Contains("Exit codes: 0 success, 1 a failure while running, 2 invalid input, 130 stopped with Ctrl+C.", result.Out);
    }

    [Theory]
    [InlineData("runn|x", "supplychainsim: unknown command 'runn'; did you mean 'run'?", "--help")]
    [InlineData("valdate|scenarios/piecemeal-2025.json", "supplychainsim: unknown command 'valdate'; did you mean 'validate'?", "--help")]
    [InlineData("simulate", "supplychainsim: unknown command 'simulate'; the commands are run, validate, schema, compare, sweep, explore, silo", "--help")]
    [InlineData("run|scenarios/piecemeal-2025.json|--replication|3", "supplychainsim: unknown option '--replication' for 'run'; did you mean '--replications'?", "run --help")]
    [InlineData("run|scenarios/piecemeal-2025.json|--sed=7", "supplychainsim: unknown option '--sed' for 'run'; did you mean '--seed'?", "run --help")]
    [InlineData("sweep|scenarios/piecemeal-2025.json|--sett|months=3|--out|x", "supplychainsim: unknown option '--sett' for 'sweep'; did you mean '--set'?", "sweep --help")]
    public async Task Mistyped_verbs_and_options_are_answered_with_the_nearest_one(string args, string expected, string help)
    {
        var result = await Cli.RunAsync(args.Split('|'));
        Assert.Equal(2, result.ExitCode);
        var lines = result.Error.TrimEnd().Split('\n');
        Assert.Equal(expected, lines[0]);
        Assert.Equal($"Try '{Typed} {help}'.", lines[^1]);
        Assert.DoesNotContain("Unrecognized", result.Error);
        Assert.DoesNotContain("Required command was not provided", result.Error);
        Assert.Equal("", result.Out);
    }

    [Theory]
    [InlineData("months=3|months=4", "supplychainsim: --set: $.months sets the same value as $.months ($.months); give each parameter once")]
    [InlineData("regime.rules[3].allowanceTpp=7915600|regime.rules[lpp-exemption].allowanceH100e=500",
        "supplychainsim: --set: $.regime.rules[lpp-exemption].allowanceH100e sets the same value as $.regime.rules[3].allowanceTpp ($.regime.rules[3].allowanceTpp); give each parameter once")]
    public async Task The_same_parameter_twice_is_refused_with_its_own_message(string sets, string expected)
    {
        var result = await Cli.RunAsync(["sweep", "scenarios/piecemeal-2025.json", .. sets.Split('|').SelectMany(s => new[] { "--set", s }), "--out", "runs/never"]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error);
        Assert.False(Directory.Exists(Path.Combine(Paths.Root, "runs", "never")));
    }

    /// <summary>Words as a POSIX shell splits them, for the examples (plain words and single quotes are all they use).</summary>
    private static IEnumerable<string> ShellWords(string line)
    {
        var word = new System.Text.StringBuilder();
        var quoted = false;
        var any = false;
        foreach (var c in line)
        {
            if (c == ' ' && !quoted)
            {
                if (any) yield return word.ToString();
                word.Clear();
                any = false;
                continue;
            }
            if (c == '\'') quoted = !quoted;
            else word.Append(c);
            any = true;
        }
        if (any) yield return word.ToString();
    }
}
