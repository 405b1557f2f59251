using SupplyChainSim.Model.Agents;
using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Trade;

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
    /// <summary>What each uncertain input of the scenario drew for this run: its JSON path and value.</summary>
    public IReadOnlyList<InputDraw> Draws { get; init; } = [];

    public int DataCentreCount => DataCentreBlocks.Sum(b => b.Sites.Count);

    public int IntermediaryCount => IntermediaryBlocks.Sum(b => b.Members.Count);

    /// <summary>Agents of every kind: chipmakers, countries, data centres and intermediaries.</summary>
    public int AgentCount => Chipmakers.Count + Context.Countries.Countries.Count + DataCentreCount + IntermediaryCount;
}

/// <summary>
/// How the agents of a block are hosted. A block's <see cref="Hosting"/> and name are its identity for the whole run
/// (its grain id): they depend on nothing else in the world, so adding an agent in one country renames nothing in another.
/// </summary>
public enum Hosting
{
    /// <summary>One data centre or intermediary alone: every one the scenario lists by name (and, with <see cref="Placement.OnePerAgent"/>, every one).</summary>
    Agent,

    /// <summary>Every site of an owner that links them, in one country: their cluster is linked across them.</summary>
    Owner,

    /// <summary>Generated agents pooled in blocks of up to the block size, numbered within their country (intermediaries: their hub).</summary>
    Pool,
}

/// <summary>Where generated agents go: pooled in blocks (the default), or each alone, as the agents a scenario names are.</summary>
public enum Placement
{
    Pooled,
    OnePerAgent,
}

/// <param name="Index">The block's place in the world's list: how the stepper and the agents' messages address it within a run.</param>
/// <param name="Name">The site's id (<see cref="Hosting.Agent"/>), the linked cluster's "owner@country" (<see cref="Hosting.Owner"/>), or
/// "country/n" (<see cref="Hosting.Pool"/>).</param>
public sealed record DataCentreBlockPlan(int Index, string Country, Hosting Hosting, string Name, IReadOnlyList<DataCentreSpec> Sites)
{
    public DataCentreBlock Create(SimulationContext context) =>
        new() { Index = Index, Country = Country, Sites = Sites.Select(s => DataCentre.Create(s, context)).ToList() };
}

/// <param name="Name">The intermediary's id (<see cref="Hosting.Agent"/>) or "hub/n" (<see cref="Hosting.Pool"/>).</param>
public sealed record IntermediaryBlockPlan(int Index, Hosting Hosting, string Name, IReadOnlyList<IntermediaryPlacement> Members)
{
    public IntermediaryBlock Create(SimulationContext context) =>
        new() { Index = Index, Members = Members.Select(m => Intermediary.Create(m.Spec, m.BuyerAddress, m.BuyerCountry, context)).ToList() };
}

/// <summary>An intermediary with its buyer's address resolved.</summary>
public sealed record IntermediaryPlacement(IntermediarySpec Spec, AgentAddress BuyerAddress, string BuyerCountry);

/// <summary>An uncertain input's value in one run.</summary>
public sealed record InputDraw(string Path, double Value);
