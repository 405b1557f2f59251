using SupplyChainSim.Model.Agents;
using SupplyChainSim.Model.Regimes;
using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Model.Simulation;

namespace SupplyChainSim.Grains.Abstractions;

/// <summary>A chipmaker: its order book and the lots in its pipeline.</summary>
[Alias("scs.chipmaker")]
public interface IChipmakerGrain : ICheckpointedGrain
{
    [Alias("init")]
    Task Initialise(Immutable<ChipmakerSpec> spec, string run);

    [Alias("ship")]
    Task<Immutable<ShipmentsReply>> Ship(Immutable<MonthContext> month, Immutable<IReadOnlyList<LicenceDecision>> approved);

    /// <summary>For the dashboard's grain-state view (it calls parameterless getters named GetState).</summary>
    [Alias("state")]
    Task<ChipmakerView?> GetState();
}
