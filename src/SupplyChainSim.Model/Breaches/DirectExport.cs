using SupplyChainSim.Model.Regimes;
using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Trade;

namespace SupplyChainSim.Model.Breaches;

/// <summary>Whether diverted chips could have gone to their final holder lawfully.</summary>
public static class DirectExport
{
    /// <summary>
    /// The rule, with its reason, that would have refused the diverted lot had its final holder ordered it directly,
    /// under the regime in force in the month the lot was exported; null when such an export would have gone (H20s
    /// before their licence requirement, chips not subject to the EAR). Caps and allowances are not charged: the
    /// question is only whether the rules allow the chip to go to that holder at all.
    /// </summary>
    public static string? DeniedBy(Lot lot, DataCentreSpec holder, SimulationContext context)
    {
        if (lot.Route != Route.Smuggled) return null;
        var order = new Order(holder.Id, holder.Id, holder.OwnerOrSelf, default, holder.Country, holder.HeadquartersOrCountry,
            lot.Seller, lot.ChipModel, lot.Chips, lot.Exported) { Named = lot.Id };
        var request = new LicenceRequest(order, context.Catalogue[lot.ChipModel], context.Chipmaker(lot.Seller), context.Countries[holder.Country],
            context.Countries[holder.HeadquartersOrCountry], lot.Exported, new DestinationLedger());
        var decision = context.RegimeAt(lot.Exported).Decide(request);
        // Interned: every acquisition of diverted chips keeps it, and a run's rules give only a few such texts.
        return decision.Outcome == LicenceOutcome.Denied ? string.Intern(decision.Rule) : null;
    }
}
