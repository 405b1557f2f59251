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
