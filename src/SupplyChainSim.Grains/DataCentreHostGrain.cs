using SupplyChainSim.Model.Agents;
using SupplyChainSim.Model.Simulation;

namespace SupplyChainSim.Grains;

/// <summary>
/// Data centres in a grain: the model's <see cref="DataCentreBlock"/> holds the sites and runs every rule per site and per
/// linked cluster; the grain types that derive from this one differ only in what they hold and how they show it.
/// </summary>
public abstract class DataCentreHostGrain(IPersistentState<AgentState<DataCentreBlock>> storage, RunContexts contexts, IOptions<RunDurabilityOptions> durability)
    : CheckpointedGrain<DataCentreBlock>(storage, contexts, durability)
{
    /// <summary>The sites and the run's context, or null before initialisation and after release (the dashboard may ask at any time).</summary>
    protected (DataCentreBlock Sites, SimulationContext Context)? Shown => Held is { } held ? (held, Context) : null;
}
