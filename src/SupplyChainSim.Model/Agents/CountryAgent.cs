using SupplyChainSim.Model.Countries;
using SupplyChainSim.Model.Regimes;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Trade;

namespace SupplyChainSim.Model.Agents;

/// <summary>
/// A country as a destination: its classification, and the ledger of what it has been licensed and sent without a
/// licence (the seam for country caps and per-consignee allowances). Orders bound for it are decided here.
/// </summary>
public sealed class CountryAgent
{
    public required CountrySpec Spec { get; init; }

    public Flow Licensed { get; set; }

    public Flow Exempt { get; set; }

    public Flow Denied { get; set; }

    public DestinationLedger Ledger { get; init; } = new();

    /// <summary>For an importer of rare-earth magnets: its position at the end of the last month stepped.</summary>
    public RareEarths.ImporterMonth? Magnets { get; set; }

    /// <summary>Takes in its magnet position for the month (what an observer of the country sees).</summary>
    public RareEarths.ImporterMonth ImportMagnets(RareEarths.ImporterMonth magnets)
    {
        Magnets = magnets;
        return magnets;
    }

    /// <summary>Decides every order bound for the country under the regime in force, and counts each in its ledger and totals.</summary>
    /// <param name="entityListed">The consignees among the orders on the Entity List as of the month.</param>
    public List<LicenceDecision> DecideLicences(MonthContext now, SimulationContext context, IReadOnlyList<Order> orders, IReadOnlyCollection<string> entityListed)
    {
        var month = now.Month;
        var regime = context.RegimeAt(now);
        var listed = entityListed.ToHashSet(StringComparer.Ordinal);
        var decisions = new List<LicenceDecision>(orders.Count);
        foreach (var order in orders)
        {
            var request = new LicenceRequest(order, context.Catalogue[order.ChipModel], context.Chipmaker(order.Seller), Spec,
                context.Countries[order.OwnerHeadquarters], month, Ledger) { UsBoundChips = now.UsBoundChips, Streams = context.Streams, EntityListed = listed };
            var decision = regime.Decide(request);
            var flow = new Flow(order.Chips, context.TppOf(order.ChipModel, order.Chips));
            switch (decision.Route)
            {
                case Route.Licensed: Licensed += flow; break;
                case Route.Exempt: Exempt += flow; break;
                default: Denied += flow; break;
            }
            decisions.Add(decision);
        }
        return decisions;
    }
}
