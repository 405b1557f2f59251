using SupplyChainSim.Model.Scenarios;

namespace SupplyChainSim.Cli;

/// <summary>The options `run`, `compare` and `sweep` share, checked and applied to a loaded scenario.</summary>
internal static class RunOptions
{
    /// <summary>Replaces the seed and the number of months when given; bad values are invalid input, named by their option.</summary>
    public static ResolvedScenario Apply(ResolvedScenario scenario, ulong? seed, int? months, int replications)
    {
        foreach (var warning in scenario.Warnings) Console.Error.WriteLine(TerminalText.Safe(warning.ToString()));
        if (seed is { } s) scenario = scenario.WithSeed(s);
        if (months is { } m)
        {
            if (m is < 1 or > ScenarioValidator.MaxMonths)
                throw new ScenarioException(new ScenarioError("--months", null, null, "$.months", $"expected 1 to {ScenarioValidator.MaxMonths}, found {m}"));
            scenario = scenario.WithMonths(m);
        }
        if (replications is < 1 or > Commands.MaxReplications)
            throw new ScenarioException(new ScenarioError("--replications", null, null, "$", $"expected 1 to {Commands.MaxReplications:N0}, found {replications}"));
        return scenario;
    }
}
