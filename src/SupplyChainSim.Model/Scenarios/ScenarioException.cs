namespace SupplyChainSim.Model.Scenarios;

/// <summary>A scenario that cannot be run, with everything found wrong with it.</summary>
public sealed class ScenarioException(IReadOnlyList<ScenarioError> errors)
    : Exception(string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<ScenarioError> Errors { get; } = errors;

    public ScenarioException(ScenarioError error) : this([error])
    {
    }
}
