using SupplyChainSim.Model.Agents;
using SupplyChainSim.Model.Breaches;
using SupplyChainSim.Model.Market;
using SupplyChainSim.Model.Phases;
using SupplyChainSim.Model.RareEarths;
using SupplyChainSim.Model.Regimes;
using SupplyChainSim.Model.Trade;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Simulation;

/// <summary>
/// Advances the world one month at a time through fixed phases. Each phase fans out to the agents that have work, through
/// their kind's host (<see cref="WorldAgents"/>), waits for every reply, and only then does the next phase start. Every
/// phase has one verb, the same here, in its operation (a record in Phases) and in the agent's method. Replies are put in a
/// canonical order before use, so results never depend on which reply came first. Agents with nothing to do are not called.
/// </summary>
public sealed class MonthStepper(Worlds.World world, IWorldHosts hosts, StepperState? state = null)
{
    private readonly SimulationContext context = world.Context;
    private readonly WorldAgents agents = hosts.Agents;
    private Dictionary<string, double>? markups;

    // For the flow picture: each data centre (its country and owner) and each intermediary (its hub and transit), by id.
    private readonly Lazy<Dictionary<string, Scenarios.DataCentreSpec>> sites = new(() =>
        world.DataCentreBlocks.SelectMany(b => b.Sites).ToDictionary(s => s.Id, StringComparer.Ordinal));
    private readonly Lazy<Dictionary<string, Scenarios.IntermediarySpec>> intermediaries = new(() =>
        world.IntermediaryBlocks.SelectMany(b => b.Members).Select(m => m.Spec).ToDictionary(s => s.Id, StringComparer.Ordinal));

    // Countries are addressed by their place in the country list.
    private readonly Lazy<Dictionary<string, int>> countryIndex = new(() =>
        world.Context.Countries.Countries.Select((c, index) => (c.Code, index)).ToDictionary(c => c.Code, c => c.index, StringComparer.Ordinal));

    public StepperState State { get; } = state ?? StepperState.For(world);

    public bool Finished => State.MonthsDone >= context.Months;

    public YearMonth NextMonth => context.Start.AddMonths(State.MonthsDone);

    /// <summary>Steps one month: each phase in the order the schedule gives, every phase finished before the next.</summary>
    public async Task<MonthReport> StepAsync()
    {
        if (Finished) throw new InvalidOperationException($"the run is over: all {context.Months} months have been stepped");
        var month = NextMonth;
        // The regime in force is a pure function of the month (SimulationContext): no phase sets it.
        var (now, rareEarths) = await TradeMagnets(month);
        now = await SetGreyPrices(now);
        var (orders, labs, forgone) = await PlaceOrders(now);
        var decisions = await DecideLicences(now, orders);
        var (delivered, stopped, held) = await Ship(now, decisions);
        decisions = [.. decisions, .. stopped];
        var refused = decisions.Where(d => d.Route is null).Select(LicenceDecisionNotice.Of).ToList();
        var denied = refused.Concat(held.Select(lot => new LicenceDecisionNotice(lot.AsOrder(month), EntityListed: false))).ToList();
        var (smuggled, detections) = await Divert(now, delivered, denied);
        var grey = GreyMarket(now, labs, forgone, delivered, smuggled, detections);
        var sites = await InstallAndLink(now, delivered.Concat(smuggled), denied);
        var caught = await Enforce(month, detections, sites);
        var breaches = Record(sites.SelectMany(s => s.Breaches), caught);
        var report = Report(month, delivered, smuggled, refused.Select(n => n.Order).ToList(), breaches, decisions, detections, rareEarths) with
        {
            Held = held.Select(l => l.AsOrder(month)).ToList(),
            GreyMarket = grey,
        };
        foreach (var standing in sites.SelectMany(s => s.Standings)) State.Standings[BreachStanding.KeyOf(standing.Kind, standing.ClusterKey)] = standing;
        await hosts.Record(report);
        State.MonthsDone++;
        return report;
    }

    /// <summary>The run's results so far: every month's record, and where each breached cluster stood at its last assessment.</summary>
    public async Task<RunResults> ResultsAsync() => (await hosts.ResultsAsync()) with { EndStandings = [.. State.Standings.Values] };

    /// <summary>
    /// Rare-earth leverage and concessions: magnets flow (or not), shortage builds, concessions are made. The month's
    /// context carries what follows from them: the concessions in force and each importer's build-out and production.
    /// </summary>
    private async Task<(MonthContext Now, RareEarthMonth RareEarths)> TradeMagnets(YearMonth month)
    {
        var rareEarths = await agents.MagnetExporter.Ask(new TradeMagnets(month));
        await Task.WhenAll(rareEarths.Importers.Select(i => agents.Countries.Ask(countryIndex.Value[i.Country], new ImportMagnets(i))));
        var concessionsChanged = rareEarths.ConcessionRules.Count != State.ConcessionRules;
        State.ConcessionRules = rareEarths.ConcessionRules.Count;
        var now = new MonthContext(month, context.RegimeChangesIn(month) || concessionsChanged)
        {
            Concessions = rareEarths.ConcessionRules,
            BuildOutFactor = rareEarths.Importers.ToDictionary(i => i.Country, i => i.BuildOutFactor, StringComparer.Ordinal),
            ProductionFactor = rareEarths.Importers.ToDictionary(i => i.Country, i => i.ProductionFactor, StringComparer.Ordinal),
            UsBoundChips = new SortedDictionary<string, long>(State.UsBoundChips, StringComparer.Ordinal),
            BacklogMonths = new SortedDictionary<string, double>(State.BacklogMonths, StringComparer.Ordinal),
        };
        return (now, rareEarths);
    }

    /// <summary>
    /// The grey market, where there is one: its prices move with last month's trade, and the networks that form this month
    /// are named. Every agent of the month sees them in its context.
    /// </summary>
    private async Task<MonthContext> SetGreyPrices(MonthContext now) =>
        world.GreyMarket is null ? now : now with { Grey = await agents.GreyMarket.Ask(new SetGreyPrices(now, State.LastGreyTrade)) };

    /// <summary>The grey market's month, recorded, and its trade kept for next month's prices; null without a grey market.</summary>
    private GreyMarketMonth? GreyMarket(MonthContext now, LabDemand labs, double forgone, List<Lot> delivered, List<Lot> smuggled, List<Detection> detections)
    {
        if (world.GreyMarket is null) return null;
        var (month, trade) = GreyMarketMonth.Of(now.Grey, labs, State.ActiveNetworks.Sum(), forgone, delivered, smuggled, detections,
            id => intermediaries.Value.TryGetValue(id, out var spec) && SupplyingMarket.Contains(spec.Buyer), context);
        State.LastGreyTrade = trade;
        return month;
    }

    // The data centres in the grey market's countries: the buyers whose intermediaries supply it.
    private HashSet<string>? supplyingMarket;

    private HashSet<string> SupplyingMarket => supplyingMarket ??= sites.Value.Values
        .Where(s => context.GreyMarket is { } market && market.Countries.Contains(s.Country)).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Demand and orders: the data centres and intermediaries that are due order (with the blocks of networks that form
    /// this month), in order of order id; the labs of a grey market's countries also say what they asked of each source,
    /// and the networks what they left unbought for want of margin.
    /// </summary>
    private async Task<(List<Order> Orders, LabDemand Labs, double Forgone)> PlaceOrders(MonthContext now)
    {
        var placeOrders = new PlaceOrders(now);
        var dataCentreOrders = await Task.WhenAll(Due(State.DataCentreWake, now.Month)
            .Select(async b => (Block: b, Reply: await agents.DataCentres.Ask(b, placeOrders))));
        foreach (var (block, reply) in dataCentreOrders) State.DataCentreWake[block] = reply.NextWake;
        var intermediaryOrders = await Task.WhenAll(Due(State.IntermediaryWake, now.Month).Union(now.Grey.Entrants.Select(e => e.Block)).Order()
            .Select(async b => (Block: b, Reply: await agents.Intermediaries.Ask(b, placeOrders))));
        foreach (var (block, reply) in intermediaryOrders)
        {
            State.IntermediaryWake[block] = reply.NextWake;
            State.ActiveNetworks[block] = reply.ActiveNetworks;
        }
        var labs = new LabDemand();
        foreach (var (_, reply) in dataCentreOrders.OrderBy(r => r.Block))
            if (reply.Labs is { } demand) labs.Add(demand);
        return (dataCentreOrders.SelectMany(r => r.Reply.Orders).Concat(intermediaryOrders.SelectMany(r => r.Reply.Orders))
            .OrderBy(o => o.Id, StringComparer.Ordinal).ToList(), labs, intermediaryOrders.OrderBy(r => r.Block).Sum(r => r.Reply.ForgoneH100e));
    }

    /// <summary>
    /// Licensing: every order goes to its destination's country, which decides it under the regime in force. The Entity
    /// List first says which of the month's consignees it lists: the regime's Entity List rule refuses their orders.
    /// </summary>
    private async Task<List<LicenceDecision>> DecideLicences(MonthContext now, List<Order> orders)
    {
        var listed = await agents.EntityList.Ask(new ListedAmong(orders.Select(o => o.Consignee).Distinct(StringComparer.Ordinal).ToList()));
        var decisions = (await Task.WhenAll(orders.GroupBy(o => o.DestinationCountry, StringComparer.Ordinal)
                .Select(g => agents.Countries.Ask(countryIndex.Value[g.Key], new DecideLicences(now, g.ToList(), listed)))))
            .SelectMany(d => d).OrderBy(d => d.Order.Id, StringComparer.Ordinal).ToList();
        foreach (var decision in decisions.Where(d => d.Route is not null && d.Order.DestinationCountry == UsCode))
            State.UsBoundChips[decision.Order.ChipModel] = State.UsBoundChips.GetValueOrDefault(decision.Order.ChipModel) + decision.Order.Chips;
        return decisions;
    }

    /// <summary>
    /// Production and shipping: chipmakers with approved orders or a backlog ship lots; a rule that came into force since
    /// the order stops some at the border (<see cref="ExportRegime.StopsAtBorder"/>).
    /// </summary>
    private async Task<(List<Lot> Delivered, List<LicenceDecision> Stopped, List<Lot> Held)> Ship(MonthContext now, List<LicenceDecision> decisions)
    {
        var approvedBySeller = decisions.Where(d => d.Route is not null).ToLookup(d => d.Order.Seller, StringComparer.Ordinal);
        var shipping = world.Chipmakers.Select((maker, index) => (maker.Id, index))
            .Where(m => State.ChipmakerBusy[m.index] || approvedBySeller.Contains(m.Id))
            .Select(async m => (m.index, Reply: await agents.Chipmakers.Ask(m.index, new Ship(now, approvedBySeller[m.Id].ToList()))));
        var shipments = await Task.WhenAll(shipping);
        // A chipmaker not called has nothing in hand: only the replies carry backlogs.
        State.BacklogMonths.Clear();
        foreach (var (index, reply) in shipments.OrderBy(s => s.index))
        {
            State.ChipmakerBusy[index] = reply.Busy;
            foreach (var (model, months) in reply.BacklogMonths) State.BacklogMonths[model] = Math.Max(months, State.BacklogMonths.GetValueOrDefault(model));
        }
        var regime = context.RegimeAt(now);
        var delivered = new List<Lot>();
        var stopped = new List<LicenceDecision>();
        var held = new List<Lot>();
        foreach (var lot in shipments.SelectMany(s => s.Reply.Lots).OrderBy(l => l.Id, StringComparer.Ordinal))
        {
            if (regime.StopsAtBorder(lot, now, context) is { } stop) stopped.Add(stop);
            else if (regime.HeldAtCustoms(lot, now.Month, context)) held.Add(lot);
            else delivered.Add(lot);
        }
        return (delivered, stopped, held);
    }

    /// <summary>Diversion through intermediaries: they take their deliveries and forward lots onward; customs catch some.</summary>
    private async Task<(List<Lot> Smuggled, List<Detection> Detections)> Divert(MonthContext now, List<Lot> delivered, List<LicenceDecisionNotice> denied)
    {
        var toIntermediaries = ByBlock(delivered, denied, AgentKind.Intermediary);
        var diverting = Due(State.IntermediaryWake, now.Month).Union(toIntermediaries.Keys).Order()
            .Select(async b => (Block: b, Reply: await agents.Intermediaries.Ask(b, new Divert(now, toIntermediaries.GetValueOrDefault(b, Deliveries.None)))));
        var diversions = await Task.WhenAll(diverting);
        foreach (var (block, reply) in diversions) State.IntermediaryWake[block] = reply.NextWake;
        return (diversions.SelectMany(d => d.Reply.Forwarded).OrderBy(l => l.Id, StringComparer.Ordinal).ToList(),
            diversions.SelectMany(d => d.Reply.Detections).OrderBy(d => d.LotId, StringComparer.Ordinal).ToList());
    }

    /// <summary>
    /// Cluster linking at data centres: blocks with arrivals, blocks where an owner may get round no-clustering
    /// software, and every block when the regime changes (thresholds may move).
    /// </summary>
    private async Task<List<SitesReply>> InstallAndLink(MonthContext now, IEnumerable<Lot> arrivals, List<LicenceDecisionNotice> denied)
    {
        var toDataCentres = ByBlock(arrivals, denied, AgentKind.DataCentre);
        var linking = (now.RegimeChanged
                ? Enumerable.Range(0, world.DataCentreBlocks.Count)
                : toDataCentres.Keys.Union(Enumerable.Range(0, world.DataCentreBlocks.Count).Where(b => State.DataCentreLinkDue[b])).Order())
            .Select(b => agents.DataCentres.Ask(b, new InstallAndLink(now, toDataCentres.GetValueOrDefault(b, Deliveries.None))));
        var sites = (await Task.WhenAll(linking)).OrderBy(s => s.Block).ToList();
        foreach (var reply in sites)
        {
            State.DataCentreWake[reply.Block] = reply.NextWake;
            State.DataCentreLinkDue[reply.Block] = reply.LinkNextMonth;
            State.DataCentreSummaries[reply.Block] = reply.Summary;
        }
        return sites;
    }

    /// <summary>Monitoring, detection and enforcement: every caught shell goes on the Entity List from next month.</summary>
    private async Task<HashSet<string>> Enforce(YearMonth month, List<Detection> detections, List<SitesReply> sites)
    {
        var suppliers = sites.SelectMany(s => s.Breaches).SelectMany(b => b.Acquisitions).Select(a => a.Via).OfType<string>()
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return (await agents.EntityList.Ask(new Enforce(month, detections, suppliers))).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Recording: the month's breaches in site and kind order, each marked as its owner's first or not and as traced to a caught broker.</summary>
    private List<ClusterBreach> Record(IEnumerable<ClusterBreach> found, HashSet<string> caught)
    {
        var breaches = found.OrderBy(b => b.Site, StringComparer.Ordinal).ThenBy(b => b.Kind, StringComparer.Ordinal)
            .Select(b => b with
            {
                FirstForOwner = State.OwnersInBreach.Add(b.Owner),
                DetectedByThen = b.Acquisitions.Any(a => a.Via is { } via && caught.Contains(via)),
            })
            .ToList();
        State.BreachesSoFar += breaches.Count;
        return breaches;
    }

    private const string UsCode = "US";

    private static IEnumerable<int> Due(List<YearMonth?> wake, YearMonth month) =>
        Enumerable.Range(0, wake.Count).Where(b => wake[b] is { } due && due <= month);

    private static Dictionary<int, Deliveries> ByBlock(IEnumerable<Lot> lots, IEnumerable<LicenceDecisionNotice> denied, AgentKind kind)
    {
        var lotsByBlock = lots.Where(l => l.ReplyTo.Kind == kind).GroupBy(l => l.ReplyTo.Block).ToDictionary(g => g.Key, g => g.ToList());
        var deniedByBlock = denied.Where(n => n.Order.ReplyTo.Kind == kind).GroupBy(n => n.Order.ReplyTo.Block).ToDictionary(g => g.Key, g => g.ToList());
        return lotsByBlock.Keys.Union(deniedByBlock.Keys).ToDictionary(b => b,
            b => new Deliveries(lotsByBlock.GetValueOrDefault(b) ?? [], deniedByBlock.GetValueOrDefault(b) ?? []));
    }

    private MonthReport Report(YearMonth month, List<Lot> delivered, List<Lot> smuggled, List<Order> denied, List<ClusterBreach> breaches,
        List<LicenceDecision> decisions, List<Detection> detections, RareEarthMonth rareEarths)
    {
        Flow FlowOf(string chipModel, long chips) => new(chips, context.TppOf(chipModel, chips));
        var rows = new SortedDictionary<string, CountryTally>(StringComparer.Ordinal);
        foreach (var code in context.Countries.Codes) rows[code] = new CountryTally();
        foreach (var lot in delivered)
        {
            var row = rows[lot.DestinationCountry];
            if (lot.Route == Route.Licensed) row.Licensed += FlowOf(lot.ChipModel, lot.Chips);
            else row.Exempt += FlowOf(lot.ChipModel, lot.Chips);
        }
        foreach (var lot in smuggled) rows[lot.DestinationCountry].Smuggled += FlowOf(lot.ChipModel, lot.Chips);
        // What the diverted lots cost their buyers: the catalogue price with the intermediary's markup.
        markups ??= world.IntermediaryBlocks.SelectMany(b => b.Members).ToDictionary(m => m.Spec.Id, m => m.Spec.Markup, StringComparer.Ordinal);
        var smuggledValue = smuggled.Sum(lot => lot.Chips * (context.Catalogue[lot.ChipModel].UnitPriceUsd ?? 0) * (1 + markups.GetValueOrDefault(lot.Via ?? "")));
        foreach (var order in denied) rows[order.DestinationCountry].Denied += FlowOf(order.ChipModel, order.Chips);
        var flows = delivered.Concat(smuggled)
            .GroupBy(l => (l.DestinationCountry, l.ChipModel, l.Seller, l.Route, Via: l.Via ?? ""))
            .Select(g => new DeliveryFlow(g.Key.DestinationCountry, g.Key.ChipModel, g.Key.Seller, g.Key.Route, g.Key.Via == "" ? null : g.Key.Via,
                g.Sum(l => (long)l.Chips), context.TppOf(g.Key.ChipModel, g.Sum(l => (long)l.Chips)),
                g.Sum(l => (long)l.Chips) * (context.Catalogue[g.Key.ChipModel].UnitPriceUsd ?? 0)))
            .OrderBy(f => f.Country, StringComparer.Ordinal).ThenBy(f => f.ChipModel, StringComparer.Ordinal).ThenBy(f => f.Seller, StringComparer.Ordinal)
            .ThenBy(f => f.Route).ThenBy(f => f.Via, StringComparer.Ordinal).ToList();
        for (var b = 0; b < world.DataCentreBlocks.Count; b++)
        {
            if (State.DataCentreSummaries[b] is not { } summary) continue;
            var row = rows[world.DataCentreBlocks[b].Country];
            row.Installed += summary.Installed;
            row.LargestCluster = Tpp.Max(row.LargestCluster, summary.LargestCluster);
            row.Unauthorised += summary.Unauthorised;
        }
        foreach (var breach in breaches) rows[breach.Country].NewBreaches++;
        foreach (var detection in detections) rows[detection.Country].Seized += FlowOf(detection.ChipModel, detection.Chips);

        var largest = State.DataCentreSummaries.Where(s => s is not null).Select(s => s!)
            .OrderByDescending(s => s.LargestCluster).ThenBy(s => s.LargestClusterSite, StringComparer.Ordinal).FirstOrDefault();
        var countries = rows.Select(r => new CountryMonth(r.Key, r.Value.Licensed, r.Value.Exempt, r.Value.Smuggled, r.Value.Denied,
            r.Value.Installed, r.Value.LargestCluster, r.Value.NewBreaches) { Seized = r.Value.Seized, Unauthorised = r.Value.Unauthorised }).ToList();
        var summaries = State.DataCentreSummaries.Where(s => s is not null).Select(s => s!).ToList();
        var unauthorised = summaries.Select(s => s.LargestUnauthorised).Where(u => u is not null).Select(u => u!)
            .OrderByDescending(u => u.Excess).ThenBy(u => u.Site, StringComparer.Ordinal).FirstOrDefault();
        // The largest excess of each kind anywhere in the world at the end of the month.
        var peaks = summaries.SelectMany(s => s.Peaks).GroupBy(p => p.Kind, StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(p => p.Excess).ThenBy(p => p.ClusterKey, StringComparer.Ordinal).First())
            .OrderBy(p => BreachKind.Rank(p.Kind)).ToList();
        return new MonthReport(month, countries,
            Sum(countries, c => c.Licensed), Sum(countries, c => c.Exempt), Sum(countries, c => c.Smuggled), Sum(countries, c => c.Denied),
            largest?.LargestCluster ?? Tpp.Zero, largest?.LargestClusterSite, breaches, State.BreachesSoFar, decisions)
        {
            Detections = detections,
            LargestUnauthorised = unauthorised,
            Peaks = peaks,
            SmuggledValueUsd = smuggledValue,
            Deliveries = flows,
            RareEarths = rareEarths,
            Channels = Channels(delivered, smuggled, detections),
        };
    }

    /// <summary>The month's lots and seizures summed by channel: who sold, by which route, through which hub, to whom.</summary>
    private List<ChannelFlow> Channels(List<Lot> delivered, List<Lot> smuggled, List<Detection> detections)
    {
        var channels = new SortedDictionary<string, ChannelFlow>(StringComparer.Ordinal);
        void Add(ChannelFlow channel)
        {
            var key = channel.Key;
            channels[key] = channels.TryGetValue(key, out var sum) ? sum with { Flow = sum.Flow + channel.Flow } : channel;
        }
        Flow FlowOf(string chipModel, long chips) => new(chips, context.TppOf(chipModel, chips));
        string? Restricted(string siteId) =>
            sites.Value.TryGetValue(siteId, out var site) && (IsD5(site.Country) || IsD5(site.HeadquartersOrCountry)) ? site.OwnerOrSelf : null;
        foreach (var lot in delivered)
        {
            if (lot.ReplyTo.Kind == AgentKind.Intermediary && intermediaries.Value.TryGetValue(lot.Buyer, out var broker))
                Add(new ChannelFlow(ChannelFlow.ToShells, lot.Seller, lot.Route, broker.Hub, broker.Transit, broker.Hub, null, FlowOf(lot.ChipModel, lot.Chips)));
            else
                Add(new ChannelFlow(ChannelFlow.Delivered, lot.Seller, lot.Route, null, [], lot.DestinationCountry, Restricted(lot.Buyer), FlowOf(lot.ChipModel, lot.Chips)));
        }
        foreach (var lot in smuggled)
        {
            var broker = lot.Via is { } via ? intermediaries.Value.GetValueOrDefault(via) : null;
            Add(new ChannelFlow(ChannelFlow.Smuggled, lot.Seller, Route.Smuggled, broker?.Hub, broker?.Transit ?? [], lot.DestinationCountry, Restricted(lot.Buyer),
                FlowOf(lot.ChipModel, lot.Chips)));
        }
        foreach (var detection in detections)
        {
            var broker = intermediaries.Value.GetValueOrDefault(detection.Intermediary);
            Add(new ChannelFlow(ChannelFlow.Seized, "", Route.Smuggled, broker?.Hub, broker?.Transit ?? [], detection.Country, null,
                new Flow(detection.Chips, detection.Compute)));
        }
        return [.. channels.Values];
    }

    private bool IsD5(string country) => context.Countries.Contains(country) && context.Countries[country].IsD5;

    private static Flow Sum(IEnumerable<CountryMonth> rows, Func<CountryMonth, Flow> flow) => rows.Aggregate(Flow.None, (total, row) => total + flow(row));

    private sealed class CountryTally
    {
        public Flow Licensed, Exempt, Smuggled, Denied, Seized;
        public Tpp Installed, LargestCluster, Unauthorised;
        public int NewBreaches;
    }
}
