using System.Text.Json.Serialization;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Trade;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Agents;

/// <summary>Intermediaries that share a host; as with data centres, the grouping does not change results.</summary>
public sealed class IntermediaryBlock : IBuyerBlock
{
    private Dictionary<string, Intermediary>? byId;

    public required int Index { get; init; }

    public required List<Intermediary> Members { get; init; }

    [JsonIgnore]
    private Dictionary<string, Intermediary> ById => byId ??= Members.ToDictionary(m => m.Spec.Id, StringComparer.Ordinal);

    [JsonIgnore]
    public AgentAddress Address => new(AgentKind.Intermediary, Index);

    public OrdersReply PlaceOrders(MonthContext now, SimulationContext context)
    {
        var orders = new List<Order>();
        foreach (var member in Members)
            if (member.PlaceOrder(now, context, Address) is { } order) orders.Add(order);
        return new OrdersReply(orders, NextWake())
        {
            ActiveNetworks = Members.Count(m => m.Trades(context) && m.Status == NetworkStatus.Active),
            ForgoneH100e = Members.Where(m => m.Trades(context)).Sum(m => m.ForgoneH100e),
        };
    }

    /// <summary>Takes in the lots its shells received and the refusals, and forwards what is due.</summary>
    public DiversionReply Divert(MonthContext now, SimulationContext context, Deliveries deliveries)
    {
        foreach (var lot in deliveries.Lots) ById[lot.Buyer].Receive(lot);
        foreach (var notice in deliveries.Denied) ById[notice.Order.Buyer].Denied(notice, context);
        var forwarded = new List<Lot>();
        var detections = new List<Detection>();
        foreach (var member in Members) member.Forward(now, context, forwarded, detections);
        return new DiversionReply(forwarded, detections, NextWake());
    }

    private YearMonth? NextWake() => Members.Select(m => m.NextWake).Where(m => m is not null).DefaultIfEmpty(null).Min();
}
