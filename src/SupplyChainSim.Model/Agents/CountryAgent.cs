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

    public List<LicenceDecision> Decide(MonthContext now, SimulationContext context, IReadOnlyList<Order> orders)
    {
        var month = now.Month;
        var regime = context.RegimeAt(now);
        var decisions = new List<LicenceDecision>(orders.Count);
        foreach (var order in orders)
        {
            var request = new LicenceRequest(order, context.Catalogue[order.ChipModel], context.Chipmaker(order.Seller), Spec,
                context.Countries[order.OwnerHeadquarters], month, Ledger) { UsBoundChips = now.UsBoundChips, Streams = context.Streams };
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
