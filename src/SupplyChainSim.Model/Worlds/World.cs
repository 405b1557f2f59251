using SupplyChainSim.Model.Calibration;
using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Model.Simulation;

namespace SupplyChainSim.Model.Worlds;

/// <summary>
/// A scenario's world made concrete: every agent specified (generated ones included) and placed in a block: alone,
/// with its owner's linked sites, or in a pool (<see cref="Hosting"/>).
/// Immutable: hosts create fresh agents from it, so one world can be run any number of times.
/// </summary>
public sealed record World(
    string ScenarioName,
    string Description,
    SimulationContext Context,
    IReadOnlyList<ChipmakerSpec> Chipmakers,
    IReadOnlyList<DataCentreBlockPlan> DataCentreBlocks,
    IReadOnlyList<IntermediaryBlockPlan> IntermediaryBlocks)
{
    /// <summary>The grey market of the restricted destinations and the networks that may form on it; null without one.</summary>
    public Market.GreyMarketPlan? GreyMarket { get; init; }

    /// <summary>What each uncertain input of the scenario drew for this run: its JSON path and value.</summary>
    public IReadOnlyList<InputDraw> Draws { get; init; } = [];

    /// <summary>The published figures the run is held against (<see cref="ResolvedScenario.CalibrationTargets"/>).</summary>
    public IReadOnlyList<CalibrationTarget> CalibrationTargets { get; init; } = [];

    public int DataCentreCount => DataCentreBlocks.Sum(b => b.Sites.Count);

    public int IntermediaryCount => IntermediaryBlocks.Sum(b => b.Members.Count);

    /// <summary>Of <see cref="IntermediaryCount"/>, the would-be networks a grey market may yet see form (none trade at the start).</summary>
    public int PotentialNetworkCount => IntermediaryBlocks.Sum(b => b.Members.Count(m => m.Spec.Potential));

    /// <summary>Agents of every kind: chipmakers, countries, data centres and intermediaries.</summary>
    public int AgentCount => Chipmakers.Count + Context.Countries.Countries.Count + DataCentreCount + IntermediaryCount;
}
