using SupplyChainSim.Model.Agents;

namespace SupplyChainSim.Grains.Abstractions;

/// <summary>A chipmaker: its order book and the lots in its pipeline.</summary>
[Alias("scs.chipmaker")]
public interface IChipmakerGrain : IAgentGrain<Chipmaker>
{
    /// <summary>For the dashboard's grain-state view (it calls parameterless getters named GetState).</summary>
    [Alias("state")]
    Task<ChipmakerView?> GetState();
}
