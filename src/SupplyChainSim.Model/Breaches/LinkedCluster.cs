using SupplyChainSim.Model.Trade;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Breaches;

/// <summary>
/// The chips one owner has linked into one cluster: a site's own, or every site in a country of an owner whose
/// network links them. <see cref="Key"/> stays the same for the whole run; the primary site is the largest.
/// </summary>
public sealed record LinkedCluster(
    string Key, string PrimarySite, string Owner, string Country, string Headquarters, IReadOnlyList<string> Sites, IReadOnlyList<Acquisition> Acquisitions)
{
    public Tpp Compute { get; } = Tpp.Sum(Acquisitions.Select(a => a.Compute));
}
