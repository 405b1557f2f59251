using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Agents;

/// <summary>
/// The Entity List as enforcement builds it during a run: every shell company caught with a diverted lot is listed,
/// and an order naming a listed consignee is refused outright from the month after. It also keeps the month each
/// intermediary was first caught, which says whether a breach's suppliers had been caught by the breach month.
/// </summary>
public sealed class EntityList
{
    /// <summary>Consignees (shell companies) caught and listed.</summary>
    public SortedSet<string> Listed { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The month each intermediary was first caught.</summary>
    public SortedDictionary<string, YearMonth> FirstCaught { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The listed ones among <paramref name="consignees"/>, in order.</summary>
    public IReadOnlyList<string> ListedAmong(IEnumerable<string> consignees) =>
        consignees.Where(Listed.Contains).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    /// <summary>
    /// Lists the shell of every lot caught, and notes when its intermediary was first caught; returns the ones among
    /// <paramref name="suppliers"/> caught in or before <paramref name="month"/>.
    /// </summary>
    public IReadOnlyList<string> Enforce(YearMonth month, IEnumerable<Detection> detections, IEnumerable<string> suppliers)
    {
        foreach (var detection in detections)
        {
            Listed.Add(detection.Shell);
            FirstCaught.TryAdd(detection.Intermediary, detection.Month);
        }
        return CaughtBy(month, suppliers);
    }

    /// <summary>The ones among <paramref name="intermediaries"/> caught in or before <paramref name="month"/>, in order.</summary>
    public IReadOnlyList<string> CaughtBy(YearMonth month, IEnumerable<string> intermediaries) =>
        intermediaries.Where(i => FirstCaught.TryGetValue(i, out var caught) && caught <= month).Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal).ToList();
}
