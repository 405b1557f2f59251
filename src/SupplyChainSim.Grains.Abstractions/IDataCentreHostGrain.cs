using SupplyChainSim.Model.Agents;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Worlds;

namespace SupplyChainSim.Grains.Abstractions;

/// <summary>
/// What every grain that hosts data centres does each month: orders, installation, cluster linking and breach checks.
/// The rules run per site and per linked cluster, so a site alone, an owner's sites and a pool answer alike.
/// </summary>
[Alias("scs.datacentre-host")]
public interface IDataCentreHostGrain : ICheckpointedGrain
{
    [Alias("init")]
    Task Initialise(Immutable<DataCentreBlockPlan> plan, string run);

    [Alias("order")]
    Task<Immutable<OrdersReply>> PlaceOrders(Immutable<MonthContext> month);

    [Alias("link")]
    Task<Immutable<SitesReply>> InstallAndLink(Immutable<MonthContext> month, Immutable<Deliveries> deliveries);
}
