using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.ScenarioFiles;

namespace SupplyChainSim.Cli;

/// <summary>The options `run`, `compare` and `sweep` share, checked and applied to a loaded scenario.</summary>
internal static class RunOptions
{
    /// <summary>Generated data centres (or intermediaries) pooled in one grain at most: any size works, so the bound only keeps it sane.</summary>
    public const int MaxPoolSize = 1_000_000;

    /// <summary>
    /// Reads the shared numeric options, refusing what is not a whole number in range while the command line is parsed,
    /// named by the option ("--replications: expected 1 to 100,000, found 0"): exit 2, before any scenario is read.
    /// </summary>
    public static void Check(Option<ulong?> seed, Option<int?> months, Option<int> replications, Option<int> poolSize)
    {
        seed.CustomParser = result => Whole(result, 0, ulong.MaxValue) is { } value ? (ulong)value : null;
        months.CustomParser = result => (int?)Whole(result, 1, ScenarioValidator.MaxMonths);
        replications.CustomParser = result => (int)(Whole(result, 1, Commands.MaxReplications) ?? 1);
        poolSize.CustomParser = result => (int)(Whole(result, 1, MaxPoolSize) ?? 1);
    }

    private static decimal? Whole(ArgumentResult result, decimal minimum, decimal maximum)
    {
        var name = result.Parent is OptionResult option ? option.Option.Name : result.Argument.Name;
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            result.AddError($"{name}: expected a whole number from {minimum:N0} to {maximum:N0}, found \"{text}\"");
            return null;
        }
        if (value < minimum || value > maximum)
        {
            result.AddError($"{name}: expected {minimum:N0} to {maximum:N0}, found {text}");
            return null;
        }
        return value;
    }

    private static string? Outside(int value, int minimum, int maximum) =>
        value < minimum || value > maximum ? $"expected {minimum:N0} to {maximum:N0}, found {value}" : null;

    /// <summary>Replaces the seed and the number of months when given; bad values are invalid input, named by their option.</summary>
    public static ResolvedScenario Apply(ResolvedScenario scenario, ulong? seed, int? months, int replications)
    {
        foreach (var warning in scenario.Warnings) Console.Error.WriteLine(TerminalText.Safe(warning.ToString()));
        if (seed is { } s) scenario = scenario.WithSeed(s);
        if (months is { } m)
        {
            if (Outside(m, 1, ScenarioValidator.MaxMonths) is { } problem) throw new OptionException("--months", problem);
            if (ScenarioValidator.LastMonthProblem(scenario.Spec.Start, m) is { } late) throw new OptionException("--months", late);
            scenario = scenario.WithMonths(m);
        }
        if (Outside(replications, 1, Commands.MaxReplications) is { } replicationProblem) throw new OptionException("--replications", replicationProblem);
        return scenario;
    }
}
