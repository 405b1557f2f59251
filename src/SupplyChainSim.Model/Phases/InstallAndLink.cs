using SupplyChainSim.Model.Agents;
using SupplyChainSim.Model.Simulation;

namespace SupplyChainSim.Model.Phases;

/// <summary>Installation and cluster linking: a block of data centres installs its arrivals, links clusters and checks them.</summary>
public sealed record InstallAndLink(MonthContext Month, Deliveries Deliveries) : IOperation<DataCentreBlock, SitesReply>
{
    public SitesReply ApplyTo(DataCentreBlock block, SimulationContext context) =>
        block.InstallAndLink(Month.Month, context, Deliveries, reassessAll: Month.RegimeChanged);
}
