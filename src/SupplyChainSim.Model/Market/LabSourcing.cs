using SupplyChainSim.Model.Regimes;
using SupplyChainSim.Model.Regimes.Rules;
using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Model.Simulation;

namespace SupplyChainSim.Model.Market;

/// <summary>
/// The sources open to a lab in a grey market's countries this month, with what an H100e of work from each costs it
/// (<see cref="SourceChoice"/>): every generation the grey market trades; each lawful export-grade chip the exporter's
/// rules in force would not refuse outright and its own government's guidance does not keep it off (its cost raised by
/// any customs hold, for the lots it expects to lose); each domestic chip, its cost raised by the wait its maker's backlog
/// means; and compute rented abroad, unless a know-your-customer rule refuses the lab.
/// </summary>
public static class LabSourcing
{
    public static List<SourceOption> Options(DataCentreSpec lab, MonthContext now, SimulationContext context, GreyMarketSpec market)
    {
        var buyers = market.Buyers;
        var regime = context.RegimeAt(now);
        var destination = context.Countries[lab.Country];
        var headquarters = context.Countries[lab.HeadquartersOrCountry];
        var options = new List<SourceOption>();
        foreach (var offer in now.Grey.Offers)
        {
            var performance = Performance(offer.ChipModel, buyers);
            options.Add(new SourceOption(SourceKind.Smuggled, offer.ChipModel, offer.Generation, SourceChoice.BoughtCostPerMonth(offer.UsdPerH100e, performance, buyers), performance));
        }
        foreach (var model in buyers.LawfulChips)
        {
            if (OnSale(model, now, context) is not { } price) continue;
            var chip = context.Catalogue[model];
            var request = LicenceRequest.For(chip, context.Chipmaker(context.SellerByChip[model]), destination, chip.ChipsPerUnit, now.Month,
                buyer: lab.Id, owner: lab.OwnerOrSelf, headquarters: headquarters) with { UsBoundChips = now.UsBoundChips };
            if (regime.RefusesOutright(request) is not null) continue;
            if (regime.Rules.OfType<PurchaseRestriction>().Any(r => r.Keeps(lab.OwnerOrSelf, lab.BuyerClass, model, destination, context.Streams))) continue;
            var held = regime.Rules.OfType<CustomsHold>().Select(h => h.HoldChance(model, destination)).DefaultIfEmpty(0).Max();
            if (held >= 1) continue;
            var performance = Performance(model, buyers);
            options.Add(new SourceOption(SourceKind.Lawful, model, null, SourceChoice.BoughtCostPerMonth(price, performance, buyers) / (1 - held), performance));
        }
        foreach (var model in buyers.DomesticChips)
        {
            if (OnSale(model, now, context) is not { } price) continue;
            var performance = Performance(model, buyers);
            var wait = 1 + buyers.DomesticWaitCostPerMonth * now.BacklogMonths.GetValueOrDefault(model);
            options.Add(new SourceOption(SourceKind.Domestic, model, null, SourceChoice.BoughtCostPerMonth(price * wait, performance, buyers), performance));
        }
        if (!regime.Rules.OfType<IaasKyc>().Any(k => k.Refuses(lab.OwnerOrSelf, headquarters, context.Streams)))
            options.Add(new SourceOption(SourceKind.Rented, null, null, SourceChoice.RentedCostPerMonth(buyers), buyers.RemotePerformance));
        return options;
    }

    /// <summary>What an H100e of the chip does for a lab's work, against its TPP (1 unless the market says otherwise).</summary>
    public static double Performance(string chipModel, BuyerChoiceSpec buyers) => buyers.Performance.GetValueOrDefault(chipModel, 1);

    /// <summary>The chip's list price per H100e if it is on sale this month, priced, and made by a chipmaker with capacity for it.</summary>
    private static double? OnSale(string model, MonthContext now, SimulationContext context)
    {
        if (!context.Catalogue.Contains(model) || !context.SellerByChip.ContainsKey(model)) return null;
        var chip = context.Catalogue[model];
        if (chip.UnitPriceUsd is not > 0 || !chip.OnSale(now.Month)) return null;
        return chip.UnitPriceUsd.Value / chip.TppPerChip.H100e;
    }
}
