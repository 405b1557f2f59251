
namespace SupplyChainSim.Model.Agents;

public sealed record SiteView(string Id, string Owner, double InstalledH100e, IReadOnlyDictionary<string, long> Chips, int Acquisitions, string Cluster);
