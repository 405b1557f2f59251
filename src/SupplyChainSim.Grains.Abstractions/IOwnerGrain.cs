using SupplyChainSim.Model.Agents;

namespace SupplyChainSim.Grains.Abstractions;

/// <summary>
/// An owner whose network links its sites in one country (<c>&lt;run&gt;/owner/&lt;owner&gt;@&lt;country&gt;</c>): it holds
/// those sites, since their cluster is linked across them.
/// </summary>
[Alias("scs.owner")]
public interface IOwnerGrain : IAgentGrain<DataCentreBlock>
{
    /// <summary>For the dashboard's grain-state view: the linked cluster against what is permitted, and each site's chips.</summary>
    [Alias("state")]
    Task<OwnerView?> GetState();
}
