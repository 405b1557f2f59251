using SupplyChainSim.Model.Countries;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Reports;

/// <summary>
/// Lawful exports of a run by the destination's AI Diffusion Rule tier (1 unrestricted, 2 capped, 3 D:5 and Macau):
/// chipmakers' deliveries under a licence, and exempt ones (notified or needing no licence).
/// </summary>
public sealed record TierExports(IReadOnlyList<Tpp> Licensed, IReadOnlyList<Tpp> Exempt)
{
    public static readonly IReadOnlyList<int> Tiers = [1, 2, 3];

    /// <summary>Deliveries of a run, summed by the tier its scenario gives each destination country.</summary>
    public static TierExports Of(RunResults results, CountryList countries)
    {
        var licensed = new Tpp[Tiers.Count];
        var exempt = new Tpp[Tiers.Count];
        foreach (var row in results.Months.SelectMany(m => m.Countries))
        {
            if (!countries.Contains(row.Country)) continue;
            var tier = countries[row.Country].Tier;
            if (tier is < 1 or > 3) continue;
            licensed[tier - 1] += row.Licensed.Compute;
            exempt[tier - 1] += row.Exempt.Compute;
        }
        return new TierExports(licensed, exempt);
    }
}
