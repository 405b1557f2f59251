using SupplyChainSim.Model.Agents;
using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Trade;

namespace SupplyChainSim.Model.Worlds;

/// <summary>
/// A scenario's world made concrete: every agent specified (generated ones included) and placed in a block.
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
    /// <summary>What each uncertain input of the scenario drew for this run: its JSON path and value.</summary>
    public IReadOnlyList<InputDraw> Draws { get; init; } = [];

    public int DataCentreCount => DataCentreBlocks.Sum(b => b.Sites.Count);

    public int IntermediaryCount => IntermediaryBlocks.Sum(b => b.Members.Count);

    /// <summary>Agents of every kind: chipmakers, countries, data centres and intermediaries.</summary>
    public int AgentCount => Chipmakers.Count + Context.Countries.Countries.Count + DataCentreCount + IntermediaryCount;
}

public sealed record DataCentreBlockPlan(int Index, string Country, IReadOnlyList<DataCentreSpec> Sites)
{
    public DataCentreBlock Create(SimulationContext context) =>
        new() { Index = Index, Country = Country, Sites = Sites.Select(s => DataCentre.Create(s, context)).ToList() };
}

public sealed record IntermediaryBlockPlan(int Index, IReadOnlyList<IntermediaryPlacement> Members)
{
    public IntermediaryBlock Create(SimulationContext context) =>
        new() { Index = Index, Members = Members.Select(m => Intermediary.Create(m.Spec, m.BuyerAddress, m.BuyerCountry, context)).ToList() };
}

/// <summary>An intermediary with its buyer's address resolved.</summary>
public sealed record IntermediaryPlacement(IntermediarySpec Spec, AgentAddress BuyerAddress, string BuyerCountry);

/// <summary>An uncertain input's value in one run.</summary>
public sealed record InputDraw(string Path, double Value);
