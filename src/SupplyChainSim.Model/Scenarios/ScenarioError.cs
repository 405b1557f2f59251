namespace SupplyChainSim.Model.Scenarios;

/// <summary>One thing wrong with a scenario: which file, where in it, and what was expected.</summary>
public sealed record ScenarioError(string File, int? Line, int? Column, string JsonPath, string Message, bool IsWarning = false)
{
    public override string ToString()
    {
        var place = Line is { } line ? $"{File}:{line}:{Column ?? 1}" : File;
        return $"{place}: {(IsWarning ? "warning: " : "")}{JsonPath}: {Message}";
    }
}

/// <summary>A scenario that cannot be run, with everything found wrong with it.</summary>
public sealed class ScenarioException(IReadOnlyList<ScenarioError> errors)
    : Exception(string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<ScenarioError> Errors { get; } = errors;

    public ScenarioException(ScenarioError error) : this([error])
    {
    }
}
