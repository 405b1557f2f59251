
namespace SupplyChainSim.Model.Agents;

/// <summary>A block of data centres in one country: each site's chips and each linked cluster.</summary>
public sealed record DataCentreBlockView(int Block, string Country, int Sites, double InstalledH100e, IReadOnlyList<ClusterView> Clusters, IReadOnlyList<SiteView> SiteList);
