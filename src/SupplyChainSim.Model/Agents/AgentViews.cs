using SupplyChainSim.Model.Breaches;
using SupplyChainSim.Model.RareEarths;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Units;
using static SupplyChainSim.Model.Units.H100eDisplay;

namespace SupplyChainSim.Model.Agents;

// What an observer (the Orleans Dashboard's grain-state view) sees of an agent: readable summaries in H100e and
// chips, not the raw state, whose acquisition lists run to thousands of entries. Long lists are cut at
// AgentViews.MaxLines with the full count beside them.

public static class AgentViews
{
    /// <summary>The longest list a view shows; the counts beside a list say how many there are in all.</summary>
    public const int MaxLines = 200;

    private static LotLine Line(PendingLot pending) => new(pending.Lot.Id, pending.Lot.Consignee, pending.Lot.DestinationCountry,
        pending.Lot.ChipModel, pending.Lot.Chips, pending.Lot.Route.ToString(), pending.Arrives.ToString());

    public static ChipmakerView View(this Chipmaker maker) => new(
        maker.Spec.Id,
        maker.Spec.Country,
        maker.Backlog.Count,
        maker.Backlog.Sum(b => (long)b.Remaining),
        maker.Backlog.Take(MaxLines).Select(b => new OrderBookLine(b.OrderId, b.Buyer, b.DestinationCountry, b.ChipModel,
            b.Chips, b.Remaining, b.Route.ToString(), b.ExportedUnder.Name)).ToList(),
        maker.Pipeline.Count,
        maker.Pipeline.Take(MaxLines).Select(Line).ToList());

    public static CountryView View(this CountryAgent country) => new(
        country.Spec.Code,
        country.Spec.Name,
        country.Spec.Tier,
        H100eRounded(country.Licensed.Compute),
        H100eRounded(country.Exempt.Compute),
        H100eRounded(country.Denied.Compute),
        country.Ledger.ComputeTenths.Concat(country.Ledger.ComputeThisYear).OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => new LedgerLine(e.Key, H100eRounded(new Tpp(e.Value)), "H100e"))
            .Concat(country.Ledger.Chips.Select(e => new LedgerLine(e.Key, e.Value, "chips")))
            .Concat(country.Ledger.Dollars.Select(e => new LedgerLine(e.Key, (double)e.Value, "USD")))
            .Take(MaxLines).ToList(),
        country.Magnets is { } m
            ? new MagnetView(Math.Round(m.StockTonnes, 1), Math.Round(m.StockMonths, 2), Math.Round(m.SupplyIndex, 3), Math.Round(m.Shortage, 3), Math.Round(m.Pressure, 3))
            : null);

    public static DataCentreBlockView View(this DataCentreBlock block)
    {
        var clusters = block.Sites.GroupBy(s => s.ClusterKey, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var owner = g.First().Spec.OwnerOrSelf;
            var circumvented = block.Circumvented.Contains(owner);
            var linked = Tpp.Sum(g, s => s.LinkedCompute(circumvented));
            var excess = block.Standing.GetValueOrDefault(g.Key);
            return new ClusterView(g.Key, owner, g.Select(s => s.Spec.Id).ToList(), H100eRounded(linked), excess is not null,
                new SortedDictionary<string, double>(excess?.ToDictionary(e => e.Key, e => H100eRounded(e.Value)) ?? [], StringComparer.Ordinal), circumvented);
        });
        return new DataCentreBlockView(
            block.Index,
            block.Country,
            block.Sites.Count,
            H100eRounded(Tpp.Sum(block.Sites, s => s.Installed)),
            clusters.OrderByDescending(c => c.LinkedH100e).ThenBy(c => c.Cluster, StringComparer.Ordinal).Take(MaxLines).ToList(),
            block.Sites.Take(MaxLines).Select(Site).ToList());
    }

    /// <summary>A data centre hosted alone: its chips by acquisition and its cluster against what the rules permit.</summary>
    public static DataCentreView SiteView(this DataCentreBlock block, SimulationContext context)
    {
        var site = block.Sites.Single();
        return new DataCentreView(site.Spec.Id, site.Spec.OwnerOrSelf, block.Country, H100eRounded(site.Installed), Chips(site),
            Standing(block, site.ClusterKey, context), site.Acquisitions.Count, Acquisitions(block.Sites));
    }

    /// <summary>An owner's linked sites: the cluster they make against what the rules permit, each site, and its acquisitions.</summary>
    public static OwnerView OwnerView(this DataCentreBlock block, SimulationContext context)
    {
        var first = block.Sites[0];
        return new OwnerView(first.Spec.OwnerOrSelf, block.Country, Standing(block, first.ClusterKey, context),
            block.Sites.Take(MaxLines).Select(Site).ToList(), block.Sites.Sum(s => s.Acquisitions.Count), Acquisitions(block.Sites));
    }

    public static IntermediaryView View(this Intermediary member) => new(
        member.Spec.Id,
        member.Spec.Hub,
        member.Spec.Buyer,
        member.BuyerCountry,
        member.OrdersPlaced,
        Enumerable.Range(0, member.Spec.Shells).Select(index => new ShellView(
            member.ShellName(index),
            H100eRounded(new Tpp(member.BoughtInAll[index])),
            member.Burned.Contains(member.ShellName(index)))).ToList(),
        member.Warehouse.Take(MaxLines).Select(Line).ToList());

    public static EntityListView View(this EntityList list) => new(
        list.Listed.Count,
        list.Listed.Take(MaxLines).ToList(),
        new SortedDictionary<string, string>(list.FirstCaught.Take(MaxLines).ToDictionary(c => c.Key, c => c.Value.ToString()), StringComparer.Ordinal));

    public static MagnetExporterView View(this RareEarthMarket market, RareEarthSpec spec) => new(
        spec.Exporter?.Country,
        (spec.Exporter?.Policy ?? []).Concat(market.PolicyChanges).OrderBy(p => p.From)
            .Select(p => $"from {p.From}: {p.Policy}" + (p.ApprovalRate < 1 ? $" (approval {p.ApprovalRate.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)})" : "")).ToList(),
        market.Concessions.Select(c => $"from {c.From}: {c.AcceptedBy} accepted {c.OfferedBy}'s offer of {string.Join(", ", c.ChipModels)}").ToList(),
        market.Importers.Select(i => new MagnetStockLine(i.Key, Math.Round(i.Value.Stock, 1), Math.Round(i.Value.Pressure, 3))).ToList());

    public static GreyMarketView View(this Market.GreyMarket market) => new(
        new SortedDictionary<string, double>(market.Premiums.ToDictionary(p => p.Key, p => Math.Round(p.Value, 4)), StringComparer.Ordinal),
        market.Potential.Count,
        market.Forming.Select(f => $"{f.Entry.Id} from {f.FirstOrder}").ToList());

    /// <summary>The cluster now, assessed against the run's rules kind by kind; whether it stood beyond them at its last assessment.</summary>
    private static ClusterStandingView Standing(DataCentreBlock block, string clusterKey, SimulationContext context)
    {
        var linked = block.Linked(clusterKey);
        var kinds = ClusterAssessor.Assess(linked, context.Regime.Rules)
            .Select(a => new BreachKindView(a.Kind, H100eRounded(a.Counted), H100eRounded(a.Permitted), H100eRounded(a.Excess), a.LimitBasis)).ToList();
        return new ClusterStandingView(clusterKey, linked.Sites, H100eRounded(linked.Compute), block.Standing.ContainsKey(clusterKey),
            block.Circumvented.Contains(linked.Owner), kinds);
    }

    private static SortedDictionary<string, long> Chips(DataCentre site) =>
        new(site.Acquisitions.GroupBy(a => a.ChipModel).ToDictionary(g => g.Key, g => g.Sum(a => (long)a.Chips)), StringComparer.Ordinal);

    private static SiteView Site(DataCentre site) =>
        new(site.Spec.Id, site.Spec.OwnerOrSelf, H100eRounded(site.Installed), Chips(site), site.Acquisitions.Count, site.ClusterKey);

    /// <summary>The sites' acquisitions by arrival, the latest <see cref="MaxLines"/> if there are more.</summary>
    private static List<AcquisitionLine> Acquisitions(IEnumerable<DataCentre> sites)
    {
        var all = sites.SelectMany(s => s.Acquisitions.Select(a => (Site: s.Spec.Id, a))).OrderBy(x => x.a.Month).ThenBy(x => x.Site, StringComparer.Ordinal).ToList();
        return all.Skip(Math.Max(0, all.Count - MaxLines)).Select(x => new AcquisitionLine(x.Site, x.a.Month.ToString(), x.a.Seller, x.a.Via, x.a.ChipModel,
            x.a.Chips, H100eRounded(x.a.Compute), x.a.Route.ToString(), x.a.Basis)).ToList();
    }

    public static IntermediaryBlockView View(this IntermediaryBlock block) => new(
        block.Index,
        block.Members.Take(MaxLines).Select(View).ToList());
}
