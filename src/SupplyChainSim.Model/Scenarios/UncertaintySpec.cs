namespace SupplyChainSim.Model.Scenarios;

/// <summary>
/// One input `explore` varies: a name for the analyst, the JSON path of a number of the scenario (label addressing
/// included: `$.regime.rules[MY-strategic-trade-permit].detection`), and what it may be: a range (min and max, sampled
/// uniformly), a distribution (sampled through its quantiles), or neither, when the path holds an uncertain input
/// whose distribution is then sampled. Other commands leave the section alone. Checked against the key's own range when
/// the file is loaded (ExplorationSpace, in SupplyChainSim.ScenarioFiles).
/// </summary>
public sealed record UncertaintySpec
{
    /// <summary>How the page, explore.csv and the PRIM boxes name the input ("smuggling networks").</summary>
    public required string Name { get; init; }

    /// <summary>A JSON path from the scenario's root, as `--set` takes it: "$.enforcement.hubCustomsDetection".</summary>
    public required string Path { get; init; }

    /// <summary>The lowest value, with <see cref="Max"/>: within the range of the key at <see cref="Path"/>.</summary>
    [ValueRange(0, ScenarioLimits.Tpp, Is = "a number")]
    public double? Min { get; init; }

    /// <summary>The highest value, with <see cref="Min"/>.</summary>
    [ValueRange(0, ScenarioLimits.Tpp, Is = "a number")]
    public double? Max { get; init; }

    /// <summary>A distribution to sample instead of a range; its draws must stay in the key's range.</summary>
    [ValueRange(0, ScenarioLimits.Tpp, Is = "a number")]
    public Distribution? Distribution { get; init; }
}
