using SupplyChainSim.Model.Agents;
using SupplyChainSim.Model.RareEarths;

namespace SupplyChainSim.Grains.Abstractions;

/// <summary>
/// The magnet exporter (<c>&lt;run&gt;/magnet-exporter</c>): its export policy, and the trade it controls month by month,
/// importers' stocks, shortage and pressure, and the concessions offered and accepted.
/// </summary>
[Alias("scs.magnet-exporter")]
public interface IMagnetExporterGrain : IAgentGrain<RareEarthMarket>
{
    /// <summary>For the dashboard's grain-state view (it calls parameterless getters named GetState).</summary>
    [Alias("state")]
    Task<MagnetExporterView?> GetState();
}
