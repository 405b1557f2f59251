using SupplyChainSim.Model.Simulation;

namespace SupplyChainSim.Grains.Abstractions;

/// <summary>
/// What every agent of a run shares and never changes (<c>&lt;run&gt;/context</c>): stored once for the run, and fetched
/// once per silo, instead of in every agent grain's state.
/// </summary>
[Alias("scs.run-context")]
public interface IRunContextGrain : ICheckpointedGrain
{
    [Alias("hold")]
    Task Hold(Immutable<SimulationContext> context);

    [Alias("get")]
    Task<Immutable<SimulationContext>> Get();
}
