using SupplyChainSim.Model.Countries;
using SupplyChainSim.Model.MonteCarlo;
using SupplyChainSim.Model.Simulation;

namespace SupplyChainSim.Reports;

/// <summary>What one replication of a regime contributes to a comparison or a sweep point.</summary>
public sealed record ReplicationOutcome(ReplicationSummary Summary, TierExports Exports)
{
    public static ReplicationOutcome Of(int replication, RunResults results, CountryList countries) =>
        new(ReplicationSummary.Of(replication, results), TierExports.Of(results, countries));
}
