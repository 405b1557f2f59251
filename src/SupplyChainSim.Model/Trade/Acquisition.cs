using System.Text.Json.Serialization;
using SupplyChainSim.Model.Regimes;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Trade;

/// <summary>Provenance: how some of a site's chips were acquired. A cluster's acquisitions add up to its size.</summary>
/// <param name="Month">The month the chips arrived at the site.</param>
/// <param name="ExportedUnder">The rule the export went out under (for example lpp-exemption or 3A090-NLR).</param>
public sealed record Acquisition(
    YearMonth Month, string Seller, string? Via, string ChipModel, int Chips, Tpp Compute, Route Route, bool NoClustering = false, RuleId ExportedUnder = default)
{
    /// <summary>The name of the rule the export went out under, as the outputs give it.</summary>
    [JsonIgnore]
    public string Basis => ExportedUnder.Name ?? "";

    /// <summary>The month the export was decided, which is the year an exemption's ledger counted it in.</summary>
    public YearMonth Exported { get; init; }

    /// <summary>
    /// For diverted chips that the regime in force when they were exported would have refused to send to this holder
    /// directly: the rule that would have refused them. Such chips are unlawful compute wherever they are linked.
    /// </summary>
    public string? DeniedDirectlyBy { get; init; }

    public bool Unlawful => DeniedDirectlyBy is not null;

    /// <summary>
    /// The acquisitions in month order, those of one month as they came (a stable sort). A site records its own in month
    /// order, so a one-site cluster's, reassessed every month it grows, are returned without sorting.
    /// </summary>
    public static List<Acquisition> ByMonth(IEnumerable<Acquisition> acquisitions)
    {
        var all = acquisitions.ToList();
        for (var i = 1; i < all.Count; i++)
            if (all[i].Month < all[i - 1].Month) return [.. all.OrderBy(a => a.Month)];
        return all;
    }
}
