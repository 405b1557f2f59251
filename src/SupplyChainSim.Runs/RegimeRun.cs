using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Reports;

namespace SupplyChainSim.Runs;

/// <summary>A regime to run in a comparison or a sweep: its label (the scenario's name, or the swept value) and scenario.</summary>
public sealed record RegimeRun(string Label, ResolvedScenario Scenario)
{
    /// <summary>The world the scenario builds, when known (to name regimes compared in different worlds).</summary>
    public ComparedWorld? World { get; init; }
}
