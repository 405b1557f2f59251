using SupplyChainSim.Model.Agents;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Trade;

namespace SupplyChainSim.Model.Market;

/// <summary>
/// The grey market's month as the run records it, under its home country (the first of its countries). Prices: each
/// generation's offer, and the price and premium over list weighted by the H100e labs asked for (by the H100e delivered
/// in a month nobody asked). Networks: how many trade, how many formed, and the H100e they could have bought and did not
/// for want of margin (deterred). Labs: the H100e they asked of the grey market and the H100e networks delivered; and,
/// in H100e of work, what they wanted and what reached them from each source, with what was seized on the way
/// (<see cref="KeptOut"/> sums a run's).
/// </summary>
public sealed record GreyMarketMonth(
    string Country,
    IReadOnlyList<GreyOffer> Offers,
    int ActiveNetworks,
    int NetworksFormed,
    double DeterredH100e,
    double PriceUsdPerH100e,
    double Premium,
    double DemandH100e,
    double SupplyH100e,
    double WantedWork,
    double SmuggledWork,
    double SeizedWork,
    double LawfulWork,
    double DomesticWork,
    double RentedWork)
{
    /// <summary>
    /// The month's record and its trade (what moves next month's prices), from the month's offers, the labs' demand, the
    /// lots delivered and smuggled and the seizures. <paramref name="supplies"/> says whether an intermediary supplies the market.
    /// </summary>
    public static (GreyMarketMonth Month, GreyTrade Trade) Of(GreyMonth grey, LabDemand labs, int activeNetworks, double deterred, IEnumerable<Lot> delivered,
        IEnumerable<Lot> smuggled, IEnumerable<Detection> detections, Func<string, bool> supplies, SimulationContext context)
    {
        var market = context.GreyMarket!;
        var buyers = market.Buyers;
        bool Here(string country) => market.Countries.Contains(country);
        double Work(string chipModel, long chips) => context.TppOf(chipModel, chips).H100e * LabSourcing.Performance(chipModel, buyers);
        var supply = new SortedDictionary<string, double>(StringComparer.Ordinal);
        var smuggledWork = 0.0;
        foreach (var lot in smuggled.Where(l => Here(l.DestinationCountry)))
        {
            smuggledWork += Work(lot.ChipModel, lot.Chips);
            if (context.Catalogue[lot.ChipModel].Generation is { } generation && grey.For(generation) is not null)
                supply[generation] = supply.GetValueOrDefault(generation) + context.TppOf(lot.ChipModel, lot.Chips).H100e;
        }
        var arrived = delivered.Where(l => Here(l.DestinationCountry) && l.ReplyTo.Kind == AgentKind.DataCentre).ToList();
        var lawful = arrived.Where(l => buyers.LawfulChips.Contains(l.ChipModel)).Sum(l => Work(l.ChipModel, l.Chips));
        var domestic = arrived.Where(l => buyers.DomesticChips.Contains(l.ChipModel)).Sum(l => Work(l.ChipModel, l.Chips));
        var seized = detections.Where(d => supplies(d.Intermediary)).Sum(d => Work(d.ChipModel, d.Chips));
        var weights = labs.Grey.Values.Sum() > 0 ? labs.Grey : supply;
        double Weighted(Func<GreyOffer, double> value)
        {
            var total = grey.Offers.Sum(o => weights.GetValueOrDefault(o.Generation));
            return total > 0 ? grey.Offers.Sum(o => value(o) * weights.GetValueOrDefault(o.Generation)) / total
                : grey.Offers.Count > 0 ? grey.Offers.Average(value) : 0;
        }
        var month = new GreyMarketMonth(market.Countries[0], grey.Offers, activeNetworks, grey.Entrants.Count, deterred, Weighted(o => o.UsdPerH100e), Weighted(o => o.Premium),
            labs.Grey.Values.Sum(), supply.Values.Sum(), labs.WantedWork, smuggledWork, seized, lawful, domestic, labs.RentedWork);
        return (month, new GreyTrade(new SortedDictionary<string, double>(labs.Grey, StringComparer.Ordinal), supply));
    }
}
