
namespace SupplyChainSim.Model.Worlds;

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

    /// <summary>Generated agents pooled, up to the pool size in each, numbered within their country (intermediaries: their hub).</summary>
    Pool,
}
