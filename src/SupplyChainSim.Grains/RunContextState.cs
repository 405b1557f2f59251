using SupplyChainSim.Model.Simulation;

namespace SupplyChainSim.Grains;

[GenerateSerializer, Alias("scs.run-context-state")]
public sealed class RunContextState
{
    [Id(0)]
    public SimulationContext? Context { get; set; }
}
