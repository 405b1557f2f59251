using System.Text.Json.Serialization;
using SupplyChainSim.Model.Breaches;
using SupplyChainSim.Model.Market;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Trade;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Agents;

/// <summary>
/// The data centres of one country that share a host, with every site of an owner that links its sites. Grouping
/// is a hosting choice, not a model one: every rule runs per data centre or per linked cluster, and results do not
/// depend on how sites are grouped.
/// </summary>
public sealed class DataCentreBlock : IBuyerBlock
{
    private Dictionary<string, DataCentre>? byId;
    private List<ArraySegment<DataCentre>>? clusters;
    private Dictionary<string, int>? clusterIndex;

    public required int Index { get; init; }

    public required string Country { get; init; }

    public required List<DataCentre> Sites { get; init; }

    /// <summary>Owners that got round no-clustering software.</summary>
    public SortedSet<string> Circumvented { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Clusters (by cluster key) beyond what the rules permit at their last assessment: the excess of each kind.</summary>
    public SortedDictionary<string, SortedDictionary<string, Tpp>> Standing { get; init; } = new(StringComparer.Ordinal);

    /// <summary>"kind|cluster key" of every breach already recorded: a breach is recorded once, in its first month.</summary>
    public SortedSet<string> Recorded { get; init; } = new(StringComparer.Ordinal);

    [JsonIgnore]
    private Dictionary<string, DataCentre> ById => byId ??= Sites.ToDictionary(s => s.Spec.Id, StringComparer.Ordinal);

    [JsonIgnore]
    public AgentAddress Address => new(AgentKind.DataCentre, Index);

    public OrdersReply PlaceOrders(MonthContext now, SimulationContext context)
    {
        var orders = new List<Order>();
        var buildOut = now.BuildOutFactor.GetValueOrDefault(Country, 1);
        LabDemand? labs = null;
        foreach (var site in Sites)
        {
            if (site.IsLab(context)) orders.AddRange(site.Source(now, context, Address, buildOut, labs ??= new LabDemand()));
            else if (site.PlaceOrder(now.Month, context, Address, buildOut) is { } order) orders.Add(order);
        }
        return new OrdersReply(orders, NextWake()) { Labs = labs };
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
        foreach (var notice in deliveries.Denied) ById[notice.Order.Buyer].Denied(month, notice.Order, context);
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
        var standings = new List<BreachStanding>();
        foreach (var cluster in reassessAll ? Clusters() : Touched(touched))
        {
            var linked = Link(cluster);
            var excess = new SortedDictionary<string, Tpp>(StringComparer.Ordinal);
            foreach (var found in ClusterAssessor.Assess(linked, context.Regime.Rules).Where(a => a.Breached))
            {
                excess[found.Kind] = found.Excess;
                standings.Add(BreachStanding.Of(linked.Key, found));
                if (Recorded.Add($"{found.Kind}|{linked.Key}"))
                    breaches.Add(new ClusterBreach(month, found.Kind, linked.Key, linked.PrimarySite, linked.Owner, Country, found.Counted, found.Permitted,
                        found.LimitBasis, found.Acquisitions) { LinkedCluster = linked.Compute, Sites = linked.Sites });
            }
            if (excess.Count > 0) Standing[linked.Key] = excess;
            else Standing.Remove(linked.Key);
        }
        return new SitesReply(Index, Country, Summarise(context), breaches, standings, NextWake(), NeedsLinking());
    }

    /// <summary>Totals for the month's record. Sizes come from running totals; acquisitions are gathered only for the
    /// cluster with the most unauthorised compute, the one the record shows.</summary>
    public BlockSummary Summarise(SimulationContext context)
    {
        var installed = Tpp.Zero;
        (Tpp Compute, ArraySegment<DataCentre>? Cluster) largest = (Tpp.Zero, null);
        foreach (var cluster in Clusters())
        {
            var circumvented = Circumvented.Contains(cluster[0].Spec.OwnerOrSelf);
            var compute = Tpp.Zero;
            foreach (var site in cluster)
            {
                compute += site.LinkedCompute(circumvented);
                installed += site.Installed;
            }
            if (largest.Cluster is null || compute > largest.Compute) largest = (compute, cluster);
        }
        var peaks = new List<KindPeak>();
        foreach (var kind in BreachKind.All)
        {
            var peak = Standing.Where(s => s.Value.ContainsKey(kind)).Select(s => (Key: s.Key, Excess: s.Value[kind]))
                .OrderByDescending(s => s.Excess).ThenBy(s => s.Key, StringComparer.Ordinal).FirstOrDefault();
            if (peak.Key is not null) peaks.Add(new KindPeak(kind, peak.Excess, peak.Key));
        }
        var worst = Standing.Select(s => (s.Key, Excess: s.Value.Values.Max()))
            .OrderByDescending(s => s.Excess).ThenBy(s => s.Key, StringComparer.Ordinal).FirstOrDefault();
        return new BlockSummary(installed, largest.Compute, largest.Cluster is { } biggest ? Link(biggest).PrimarySite : null,
            worst.Key is null ? null : Unauthorised(Linked(worst.Key), context))
        {
            Peaks = peaks,
            Unauthorised = Tpp.Sum(Standing.Values.Select(kinds => kinds.Values.Max())),
        };
    }

    /// <summary>The cluster's largest excess of any kind, with what that kind counted and the lawful rest beside it.</summary>
    private static UnauthorisedCluster Unauthorised(LinkedCluster linked, SimulationContext context)
    {
        var worst = ClusterAssessor.Assess(linked, context.Regime.Rules).OrderByDescending(a => a.Excess).First();
        return new UnauthorisedCluster(linked.PrimarySite, linked.Owner, linked.Country, worst.Kind, worst.Excess, linked.Compute, worst.Acquisitions);
    }

    /// <summary>A cluster as it is linked now, for an observer (<see cref="AgentViews"/>).</summary>
    public LinkedCluster Linked(string clusterKey) => Link(Clusters().First(c => KeyOf(c) == clusterKey));

    /// <summary>
    /// Sites by cluster, in the order of each cluster's first site, each cluster a run of one array: membership never
    /// changes, so it is worked out once, and kept small, since most clusters are one site and a block may hold many.
    /// </summary>
    private List<ArraySegment<DataCentre>> Clusters()
    {
        if (clusters is not null) return clusters;
        var bySite = new DataCentre[Sites.Count];
        var next = 0;
        clusters = [];
        foreach (var group in Sites.GroupBy(s => s.ClusterKey, StringComparer.Ordinal))
        {
            var start = next;
            foreach (var site in group) bySite[next++] = site;
            clusters.Add(new ArraySegment<DataCentre>(bySite, start, next - start));
        }
        return clusters;
    }

    private static string KeyOf(ArraySegment<DataCentre> cluster) => cluster[0].ClusterKey;

    /// <summary>The clusters with these keys, in the order of <see cref="Clusters"/>, found without a walk over every cluster of the block.</summary>
    private IEnumerable<ArraySegment<DataCentre>> Touched(IEnumerable<string> keys)
    {
        var all = Clusters();
        clusterIndex ??= all.Select((cluster, index) => (KeyOf(cluster), index)).ToDictionary(c => c.Item1, c => c.index, StringComparer.Ordinal);
        return keys.Select(key => clusterIndex[key]).Order().Select(index => all[index]);
    }

    private LinkedCluster Link(ArraySegment<DataCentre> cluster)
    {
        var sites = cluster.ToList();
        var owner = sites[0].Spec.OwnerOrSelf;
        var circumvented = Circumvented.Contains(owner);
        var acquisitions = Acquisition.ByMonth(sites.SelectMany(s => s.Linkable(circumvented)));
        var primary = sites.OrderByDescending(s => s.Installed).ThenBy(s => s.Spec.Id, StringComparer.Ordinal).First();
        return new LinkedCluster(KeyOf(cluster), primary.Spec.Id, owner, Country, primary.Spec.HeadquartersOrCountry, sites.Select(s => s.Spec.Id).ToList(), acquisitions);
    }

    private YearMonth? NextWake() => Sites.Select(s => s.NextOrder).Where(m => m is not null).DefaultIfEmpty(null).Min();

    /// <summary>Whether some owner here may yet get round no-clustering software: then the block links every month.</summary>
    private bool NeedsLinking() =>
        Sites.Any(s => s.HoldsUnlinkableChips && s.Spec.CircumventionPerMonth > 0 && !Circumvented.Contains(s.Spec.OwnerOrSelf));

}
