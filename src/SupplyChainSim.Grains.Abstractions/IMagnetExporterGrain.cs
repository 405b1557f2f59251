using SupplyChainSim.Model.Agents;
using SupplyChainSim.Model.RareEarths;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Grains.Abstractions;

/// <summary>
/// The magnet exporter (<c>&lt;run&gt;/magnet-exporter</c>): its export policy, and the trade it controls month by month,
/// importers' stocks, shortage and pressure, and the concessions offered and accepted.
/// </summary>
[Alias("scs.magnet-exporter")]
public interface IMagnetExporterGrain : ICheckpointedGrain
{
    [Alias("init")]
    Task Initialise(string run);

    [Alias("trade")]
    Task<Immutable<RareEarthMonth>> Trade(YearMonth month);

    /// <summary>For the dashboard's grain-state view (it calls parameterless getters named GetState).</summary>
    [Alias("state")]
    Task<MagnetExporterView?> GetState();
}
