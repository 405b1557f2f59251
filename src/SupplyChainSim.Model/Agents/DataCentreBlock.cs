using System.Text.Json.Serialization;
using SupplyChainSim.Model.Regimes;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Trade;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Agents;

/// <summary>
/// The data centres of one country that share a host. Grouping them is a hosting choice, not a model one: every rule
/// runs per data centre, and results do not depend on how sites are grouped.
/// </summary>
public sealed class DataCentreBlock
{
    private Dictionary<string, DataCentre>? byId;

    public required int Index { get; init; }

    public required string Country { get; init; }

    public required List<DataCentre> Sites { get; init; }

    [JsonIgnore]
    private Dictionary<string, DataCentre> ById => byId ??= Sites.ToDictionary(s => s.Spec.Id, StringComparer.Ordinal);

    [JsonIgnore]
    public AgentAddress Address => new(AgentKind.DataCentre, Index);

    public OrdersReply PlaceOrders(YearMonth month, SimulationContext context)
    {
        var orders = new List<Order>();
        foreach (var site in Sites)
            if (site.PlaceOrder(month, context, Address) is { } order) orders.Add(order);
        return new OrdersReply(orders, NextWake());
    }

    /// <summary>Installs the month's arrivals, takes note of denials, links clusters and checks them against the regime.</summary>
    public SitesReply InstallAndLink(YearMonth month, SimulationContext context, Deliveries deliveries, bool reassessAll)
    {
        var touched = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var lot in deliveries.Lots)
        {
            ById[lot.Buyer].Install(month, lot, context);
            touched.Add(lot.Buyer);
        }
        foreach (var order in deliveries.Denied) ById[order.Buyer].Denied(month, order);

        var breaches = new List<ClusterBreach>();
        foreach (var site in reassessAll ? Sites : touched.Select(id => ById[id]))
            if (site.Assess(month, context) is { } breach) breaches.Add(breach);
        return new SitesReply(Index, Country, Summarise(), breaches, NextWake());
    }

    public BlockSummary Summarise()
    {
        var installed = Tpp.Zero;
        var largest = Tpp.Zero;
        string? largestSite = null;
        foreach (var site in Sites)
        {
            installed += site.Installed;
            if (site.Cluster > largest)
            {
                largest = site.Cluster;
                largestSite = site.Spec.Id;
            }
        }
        return new BlockSummary(installed, largest, largestSite);
    }

    private YearMonth? NextWake() => Sites.Select(s => s.NextOrder).Where(m => m is not null).DefaultIfEmpty(null).Min();
}

/// <summary>What a block of data centres ordered this month, and when it next wants to order.</summary>
public sealed record OrdersReply(IReadOnlyList<Order> Orders, YearMonth? NextWake);

/// <summary>The month's arrivals and denials for one block of buyers.</summary>
public sealed record Deliveries(IReadOnlyList<Lot> Lots, IReadOnlyList<Order> Denied)
{
    public static readonly Deliveries None = new([], []);
}

/// <summary>A block of data centres after linking: its totals, any new breaches, and when it next wants to order.</summary>
public sealed record SitesReply(int Block, string Country, BlockSummary Summary, IReadOnlyList<ClusterBreach> Breaches, YearMonth? NextWake);

public sealed record BlockSummary(Tpp Installed, Tpp LargestCluster, string? LargestClusterSite);
