using SupplyChainSim.Model.Agents;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Worlds;

namespace SupplyChainSim.Grains;

/// <summary>
/// Data centres in a grain: the model's <see cref="DataCentreBlock"/> holds the sites and runs every rule per site and per
/// linked cluster; the grain types that derive from this one differ only in what they hold and how they show it.
/// </summary>
public abstract class DataCentreHostGrain(IPersistentState<AgentState<DataCentreBlock>> storage, RunContexts contexts, IOptions<RunDurabilityOptions> durability)
    : CheckpointedGrain<DataCentreBlock>(storage, contexts, durability)
{
    public Task Initialise(Immutable<DataCentreBlockPlan> plan, string run) => Hold(run, plan.Value.Create);

    public Task<Immutable<OrdersReply>> PlaceOrders(Immutable<MonthContext> month) =>
        Task.FromResult(Agent.PlaceOrders(month.Value, Context).AsImmutable());

    public Task<Immutable<SitesReply>> InstallAndLink(Immutable<MonthContext> month, Immutable<Deliveries> deliveries) =>
        Task.FromResult(Agent.InstallAndLink(month.Value.Month, Context, deliveries.Value, month.Value.RegimeChanged).AsImmutable());

    /// <summary>The sites and the run's context, or null before initialisation and after release (the dashboard may ask at any time).</summary>
    protected (DataCentreBlock Sites, SimulationContext Context)? Shown => Held is { } held ? (held, Context) : null;
}
