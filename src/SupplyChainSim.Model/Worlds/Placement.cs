
namespace SupplyChainSim.Model.Worlds;

/// <summary>Where generated agents go: pooled (the default), or each alone, as the agents a scenario names are.</summary>
public enum Placement
{
    Pooled,
    OnePerAgent,
}
