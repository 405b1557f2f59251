using SupplyChainSim.Model.Chips;
using SupplyChainSim.Model.Agents;
using SupplyChainSim.Model.Regimes;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Market;

/// <summary>
/// The grey market of the restricted destinations, as one agent. Each month it moves each traded generation's premium
/// with the month before's demand against supply (<see cref="GreyPrice"/>), offers each generation as its cheapest chip
/// on sale, and lets would-be networks form where the margin they would expect at those prices passes the entry margin:
/// with a chance that grows with the excess, a few a month, each ordering after the entry lag.
/// </summary>
public sealed class GreyMarket
{
    public required GreyMarketSpec Spec { get; init; }

    /// <summary>The premium over list of each traded generation.</summary>
    public SortedDictionary<string, double> Premiums { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The generations whose smuggled lots have reached the market: until a generation's first do, its premium holds.</summary>
    public SortedSet<string> Arrived { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Networks that may yet form, in id order.</summary>
    public List<PotentialNetwork> Potential { get; init; } = [];

    /// <summary>Networks that have decided to form, each with the month it first orders.</summary>
    public List<FormingNetwork> Forming { get; init; } = [];

    /// <summary>
    /// Sets the month's prices from last month's trade, and says which networks form. A generation's premium holds at the
    /// start premium until its first smuggled lots arrive: before then, no supply is the networks' lead time, not a shortage.
    /// </summary>
    public GreyMonth SetPrices(MonthContext now, GreyTrade last, SimulationContext context)
    {
        foreach (var generation in Spec.Generations)
        {
            var supply = last.Supply.GetValueOrDefault(generation);
            if (supply > 0) Arrived.Add(generation);
            Premiums[generation] = Premiums.TryGetValue(generation, out var premium) && Arrived.Contains(generation)
                ? GreyPrice.NextPremium(premium, last.Demand.GetValueOrDefault(generation), supply, Spec)
                : Spec.StartPremium;
        }
        var offers = Offers(now.Month, context);
        var entrants = Forming.Where(f => f.FirstOrder <= now.Month).Select(f => f.Entry).ToList();
        Forming.RemoveAll(f => f.FirstOrder <= now.Month);
        foreach (var formed in Form(now.Month, offers, context))
        {
            if (Spec.Networks.EntryLagMonths == 0) entrants.Add(formed);
            else Forming.Add(new FormingNetwork(formed, now.Month.AddMonths(Spec.Networks.EntryLagMonths)));
        }
        return new GreyMonth(offers, entrants);
    }

    /// <summary>
    /// Each traded generation as its cheapest chip per H100e that is on sale this month: controlled, priced, shipping,
    /// and made by a chipmaker with capacity for it.
    /// </summary>
    public List<GreyOffer> Offers(YearMonth month, SimulationContext context)
    {
        var offers = new List<GreyOffer>();
        foreach (var generation in Spec.Generations)
        {
            var cheapest = context.Catalogue.Chips
                .Where(c => c.Generation == generation && c.UnitPriceUsd is > 0 && c.OnSale(month)
                    && Eccn3A090.Classify(c) != ExportClass.NotControlled && context.SellersOf(c.Model).Count > 0)
                .OrderBy(c => c.UnitPriceUsd!.Value / c.TppPerChip.H100e).ThenBy(c => c.Model, StringComparer.Ordinal).FirstOrDefault();
            if (cheapest is not null)
                offers.Add(new GreyOffer(generation, cheapest.Model, cheapest.UnitPriceUsd!.Value, cheapest.TppPerChip.H100e, cheapest.ChipsPerUnit, Premiums[generation]));
        }
        return offers;
    }

    /// <summary>
    /// The would-be networks that form this month, in id order: each weighs the offers as a new network would (the true
    /// risk on its route, no caution yet, its full capital); where its margin passes the entry margin it forms with a
    /// chance that rises with the excess, 1 - e^(-excess / entry margin), shared out so that a month sees on average that
    /// chance times <see cref="NetworkEconomicsSpec.MaxEntrantsPerMonth"/> entrants, and never more than the cap. Entry
    /// thus keeps answering the margin: a richer margin draws more entrants, not the same capped few.
    /// </summary>
    private List<NetworkEntry> Form(YearMonth month, List<GreyOffer> offers, SimulationContext context)
    {
        var economics = Spec.Networks;
        var formed = new List<NetworkEntry>();
        foreach (var candidate in Potential)
        {
            if (formed.Count >= economics.MaxEntrantsPerMonth) break;
            var detection = RouteChecks.Detection(candidate.Spec, LicenceConditions.None, month, context);
            var margin = NetworkDecision.Choose(offers, candidate.Spec.ChipsPerOrder, candidate.Spec.WorkingCapitalUsd, detection, economics.ListingCostUsd, economics)?.MarginRate;
            if (margin is not { } m || m <= economics.EntryMargin) continue;
            var chance = (1 - Math.Exp(-(m - economics.EntryMargin) / economics.EntryMargin)) * economics.MaxEntrantsPerMonth / Potential.Count;
            if (context.Streams.Uniform(candidate.Spec.Id, month.Index, "form") < chance) formed.Add(new NetworkEntry(candidate.Spec.Id, candidate.Block));
        }
        Potential.RemoveAll(p => formed.Any(f => f.Id == p.Spec.Id));
        return formed;
    }
}
