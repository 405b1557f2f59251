using System.Text.Json.Serialization;
using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Trade;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Agents;

/// <summary>
/// A smuggling intermediary: it orders through its shell companies in turn (each shell's paperwork names the hub as
/// destination), holds what arrives in a hub warehouse, and forwards it to its restricted buyer after a delay.
/// </summary>
public sealed class Intermediary
{
    public required IntermediarySpec Spec { get; init; }

    /// <summary>Where its buyer's data centre lives, for forwarding.</summary>
    public required AgentAddress BuyerAddress { get; init; }

    public required string BuyerCountry { get; init; }

    public int OrdersPlaced { get; set; }

    public YearMonth? NextOrder { get; set; }

    public List<PendingLot> Warehouse { get; init; } = [];

    public static Intermediary Create(IntermediarySpec spec, AgentAddress buyerAddress, string buyerCountry, SimulationContext context) =>
        new() { Spec = spec, BuyerAddress = buyerAddress, BuyerCountry = buyerCountry, NextOrder = context.Start.AddMonths(spec.FirstOrderMonth) };

    public string ShellName(int shell) => $"{Spec.Id}/shell-{shell + 1}";

    public Order? PlaceOrder(YearMonth month, SimulationContext context, AgentAddress self)
    {
        if (NextOrder is not { } due || due > month) return null;
        NextOrder = month.AddMonths(Spec.OrderEveryMonths);
        var shell = ShellName(OrdersPlaced % Spec.Shells);
        OrdersPlaced++;
        return new Order($"{shell}@{month}", Spec.Id, shell, shell, self, Spec.Hub, Spec.Hub,
            context.SellerByChip[Spec.ChipModel], Spec.ChipModel, Spec.ChipsPerOrder, month);
    }

    public void Receive(Lot lot) => Warehouse.Add(new PendingLot(lot.Shipped.AddMonths(Spec.DelayMonths), lot));

    /// <summary>Lots whose warehouse delay is over, re-addressed to the buyer as smuggled.</summary>
    public IEnumerable<Lot> Forward(YearMonth month)
    {
        var released = Warehouse.Where(p => p.Arrives <= month).Select(p => p.Lot).ToList();
        Warehouse.RemoveAll(p => p.Arrives <= month);
        return released.Select(lot => new Lot($"{lot.Id}>{Spec.Id}", Spec.Buyer, Spec.Buyer, BuyerAddress, BuyerCountry,
            lot.Seller, Spec.Id, lot.ChipModel, lot.Chips, Route.Smuggled, month));
    }

    [JsonIgnore]
    public YearMonth? NextWake =>
        Warehouse.Select(p => (YearMonth?)p.Arrives).Append(NextOrder).Where(m => m is not null).DefaultIfEmpty(null).Min();
}

/// <summary>Intermediaries that share a host; as with data centres, the grouping does not change results.</summary>
public sealed class IntermediaryBlock
{
    private Dictionary<string, Intermediary>? byId;

    public required int Index { get; init; }

    public required List<Intermediary> Members { get; init; }

    [JsonIgnore]
    private Dictionary<string, Intermediary> ById => byId ??= Members.ToDictionary(m => m.Spec.Id, StringComparer.Ordinal);

    [JsonIgnore]
    public AgentAddress Address => new(AgentKind.Intermediary, Index);

    public OrdersReply PlaceOrders(YearMonth month, SimulationContext context)
    {
        var orders = new List<Order>();
        foreach (var member in Members)
            if (member.PlaceOrder(month, context, Address) is { } order) orders.Add(order);
        return new OrdersReply(orders, NextWake());
    }

    /// <summary>Takes in the lots its shells received and forwards what is due.</summary>
    public DiversionReply ReceiveAndForward(YearMonth month, Deliveries deliveries)
    {
        foreach (var lot in deliveries.Lots) ById[lot.Buyer].Receive(lot);
        var forwarded = Members.SelectMany(m => m.Forward(month)).ToList();
        return new DiversionReply(forwarded, NextWake());
    }

    private YearMonth? NextWake() => Members.Select(m => m.NextWake).Where(m => m is not null).DefaultIfEmpty(null).Min();
}

public sealed record DiversionReply(IReadOnlyList<Lot> Forwarded, YearMonth? NextWake);
