using System.Text.Json.Serialization;
using SupplyChainSim.Model.Regimes;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Trade;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Agents;

/// <summary>
/// The data centres of one country that share a host, with every site of an owner that links its sites. Grouping
/// is a hosting choice, not a model one: every rule runs per data centre or per linked cluster, and results do not
/// depend on how sites are grouped.
/// </summary>
public sealed class DataCentreBlock
{
    private Dictionary<string, DataCentre>? byId;
    private List<IGrouping<string, DataCentre>>? clusters;

    public required int Index { get; init; }

    public required string Country { get; init; }

    public required List<DataCentre> Sites { get; init; }

    /// <summary>Owners that got round no-clustering software.</summary>
    public SortedSet<string> Circumvented { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Clusters (by cluster key) over their permitted size at the last check.</summary>
    public SortedSet<string> InBreach { get; init; } = new(StringComparer.Ordinal);

    [JsonIgnore]
    private Dictionary<string, DataCentre> ById => byId ??= Sites.ToDictionary(s => s.Spec.Id, StringComparer.Ordinal);

    [JsonIgnore]
    public AgentAddress Address => new(AgentKind.DataCentre, Index);

    public OrdersReply PlaceOrders(MonthContext now, SimulationContext context)
    {
        var orders = new List<Order>();
        var buildOut = now.BuildOutFactor.GetValueOrDefault(Country, 1);
        foreach (var site in Sites)
            if (site.PlaceOrder(now.Month, context, Address, buildOut) is { } order) orders.Add(order);
        return new OrdersReply(orders, NextWake());
    }

    /// <summary>
    /// Installs the month's arrivals, takes note of denials, gives determined owners their monthly chance against
    /// no-clustering software, links clusters and checks them against the regime.
    /// </summary>
    public SitesReply InstallAndLink(YearMonth month, SimulationContext context, Deliveries deliveries, bool reassessAll)
    {
        var touched = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var lot in deliveries.Lots)
        {
            var site = ById[lot.Buyer];
            site.Install(month, lot, context);
            touched.Add(site.ClusterKey);
        }
        foreach (var notice in deliveries.Denied) ById[notice.Order.Buyer].Denied(month, notice.Order);
        foreach (var site in Sites.Where(s => s.HoldsUnlinkableChips && s.Spec.CircumventionPerMonth > 0 && !Circumvented.Contains(s.Spec.OwnerOrSelf)))
        {
            var owner = site.Spec.OwnerOrSelf;
            if (context.Streams.Uniform(owner, month.Index, "circumvent-no-clustering") < site.Spec.CircumventionPerMonth)
            {
                Circumvented.Add(owner);
                touched.Add(site.ClusterKey);
            }
        }

        var breaches = new List<ClusterBreach>();
        var regime = context.RegimeAt(month);
        foreach (var cluster in Clusters().Where(c => reassessAll || touched.Contains(c.Key)))
        {
            var linked = Link(cluster);
            var permitted = regime.PermittedCluster(linked.AsSite(context));
            var over = permitted is { } limit && linked.Compute > limit;
            if (over && InBreach.Add(cluster.Key))
                breaches.Add(new ClusterBreach(month, linked.PrimarySite, linked.Owner, Country, linked.Compute, permitted!.Value, linked.Acquisitions)
                {
                    Sites = linked.Sites,
                });
            else if (!over) InBreach.Remove(cluster.Key);
        }
        return new SitesReply(Index, Country, Summarise(), breaches, NextWake(), NeedsLinking());
    }

    /// <summary>Totals for the month's record. Sizes come from running totals; acquisitions are gathered only for the
    /// largest cluster over its limit, the one the record shows.</summary>
    public BlockSummary Summarise()
    {
        var installed = Tpp.Zero;
        (Tpp Compute, IGrouping<string, DataCentre>? Cluster) largest = (Tpp.Zero, null), unauthorised = (Tpp.Zero, null);
        foreach (var cluster in Clusters())
        {
            var circumvented = Circumvented.Contains(cluster.First().Spec.OwnerOrSelf);
            var compute = Tpp.Zero;
            foreach (var site in cluster)
            {
                compute += site.LinkedCompute(circumvented);
                installed += site.Installed;
            }
            if (largest.Cluster is null || compute > largest.Compute) largest = (compute, cluster);
            if (InBreach.Contains(cluster.Key) && (unauthorised.Cluster is null || compute > unauthorised.Compute)) unauthorised = (compute, cluster);
        }
        var worst = unauthorised.Cluster is null ? null : Link(unauthorised.Cluster);
        return new BlockSummary(installed, largest.Compute, largest.Cluster is null ? null : Link(largest.Cluster).PrimarySite,
            worst is null ? null : new UnauthorisedCluster(worst.PrimarySite, worst.Owner, Country, worst.Compute, worst.Acquisitions));
    }

    /// <summary>Sites by cluster: membership never changes, so it is worked out once.</summary>
    private List<IGrouping<string, DataCentre>> Clusters() =>
        clusters ??= Sites.GroupBy(s => s.ClusterKey, StringComparer.Ordinal).ToList();

    private LinkedCluster Link(IGrouping<string, DataCentre> cluster)
    {
        var sites = cluster.ToList();
        var owner = sites[0].Spec.OwnerOrSelf;
        var circumvented = Circumvented.Contains(owner);
        var acquisitions = sites.SelectMany(s => s.Linkable(circumvented)).OrderBy(a => a.Month).ToList();
        var primary = sites.OrderByDescending(s => s.Installed).ThenBy(s => s.Spec.Id, StringComparer.Ordinal).First();
        return new LinkedCluster(primary.Spec.Id, owner, Country, primary.Spec.HeadquartersOrCountry, sites.Select(s => s.Spec.Id).ToList(), acquisitions);
    }

    private YearMonth? NextWake() => Sites.Select(s => s.NextOrder).Where(m => m is not null).DefaultIfEmpty(null).Min();

    /// <summary>Whether some owner here may yet get round no-clustering software: then the block links every month.</summary>
    private bool NeedsLinking() =>
        Sites.Any(s => s.HoldsUnlinkableChips && s.Spec.CircumventionPerMonth > 0 && !Circumvented.Contains(s.Spec.OwnerOrSelf));

    /// <summary>The chips one cluster has linked, across its sites.</summary>
    private sealed record LinkedCluster(
        string PrimarySite, string Owner, string Country, string Headquarters, IReadOnlyList<string> Sites, IReadOnlyList<Acquisition> Acquisitions)
    {
        public Tpp Compute { get; } = Acquisitions.Aggregate(Tpp.Zero, (sum, a) => sum + a.Compute);

        public ClusterSite AsSite(SimulationContext context)
        {
            Tpp Sum(Func<Acquisition, bool> which) => Acquisitions.Where(which).Aggregate(Tpp.Zero, (sum, a) => sum + a.Compute);
            return new ClusterSite(PrimarySite, Owner, context.Countries[Country], context.Countries[Headquarters], Compute,
                Sum(a => a.Route != Route.Smuggled), Sum(a => a.Route == Route.Licensed))
            {
                Acquisitions = Acquisitions,
            };
        }
    }
}

/// <summary>What a block of data centres ordered this month, and when it next wants to order.</summary>
public sealed record OrdersReply(IReadOnlyList<Order> Orders, YearMonth? NextWake);

/// <summary>The month's arrivals and refusals for one block of buyers.</summary>
public sealed record Deliveries(IReadOnlyList<Lot> Lots, IReadOnlyList<LicenceDecisionNotice> Denied)
{
    public static readonly Deliveries None = new([], []);
}

/// <summary>A block of data centres after linking: its totals, any new breaches, and when it next has work.</summary>
public sealed record SitesReply(int Block, string Country, BlockSummary Summary, IReadOnlyList<ClusterBreach> Breaches, YearMonth? NextWake, bool LinkNextMonth);

public sealed record BlockSummary(Tpp Installed, Tpp LargestCluster, string? LargestClusterSite, UnauthorisedCluster? LargestUnauthorised);

/// <summary>A cluster currently over its permitted size, with what built it.</summary>
public sealed record UnauthorisedCluster(string Site, string Owner, string Country, Tpp Cluster, IReadOnlyList<Acquisition> Acquisitions);
