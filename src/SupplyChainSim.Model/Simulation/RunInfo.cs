using SupplyChainSim.Model.Breaches;
using SupplyChainSim.Model.Calibration;
using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Simulation;

/// <summary>Who ran what: the facts about a run that are not month by month.</summary>
public sealed record RunInfo(string Scenario, string Description, ulong Seed, YearMonth Start, int Months, RegimeSpec Regime, int Agents)
{
    /// <summary>The excesses, in H100e, an analyst asks the probability of reaching, by breach kind.</summary>
    public BreachThresholds Thresholds { get; init; } = BreachThresholds.Default;

    /// <summary>What the scenario's uncertain inputs drew for this run.</summary>
    public IReadOnlyList<Worlds.InputDraw> Draws { get; init; } = [];

    /// <summary>The published figures the run is held against: the ones its months cover go into calibration.csv.</summary>
    public IReadOnlyList<CalibrationTarget> CalibrationTargets { get; init; } = [];
}
