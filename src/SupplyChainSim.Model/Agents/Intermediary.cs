using System.Text.Json.Serialization;
using SupplyChainSim.Model.Market;
using SupplyChainSim.Model.Regimes;
using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Trade;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Agents;

/// <summary>
/// A smuggling intermediary: it orders through its shell companies in turn, each shell kept under its yearly budget
/// and the orders spread over the chip's sellers; what arrives waits in the hub warehouse, then travels through any
/// transit countries to the restricted buyer. Each step can detect a lot: the exporter's monitoring, location
/// verification, and customs in every country it passes. A detected lot is seized and its shell entity-listed; the
/// intermediary drops a shell once an order through it is refused.
/// On a grey market (<see cref="GreyMarketSpec"/>) a network supplying it decides each month what to buy and how much
/// from the margin it expects (<see cref="NetworkDecision"/>), within its capacity and working capital; it grows more
/// cautious after a seizure, may form only when the market calls for it, and leaves when every shell is listed or it has
/// seen no margin for months. Elsewhere it orders its fixed lot every round.
/// </summary>
public sealed class Intermediary
{
    public required IntermediarySpec Spec { get; init; }

    /// <summary>Where its buyer's data centre lives, for forwarding.</summary>
    public required AgentAddress BuyerAddress { get; init; }

    public required string BuyerCountry { get; init; }

    public int OrdersPlaced { get; set; }

    public int NextShell { get; set; }

    public YearMonth? NextOrder { get; set; }

    public List<PendingLot> Warehouse { get; init; } = [];

    /// <summary>The year <see cref="BoughtThisYear"/> counts.</summary>
    public int BoughtYear { get; set; }

    /// <summary>What each shell (by index) has bought in <see cref="BoughtYear"/>, in tenths of TPP: its yearly budget's use.</summary>
    public required long[] BoughtThisYear { get; init; }

    /// <summary>What each shell (by index) has bought over the run, in tenths of TPP.</summary>
    public required long[] BoughtInAll { get; init; }

    /// <summary>Shells that are entity-listed: the intermediary no longer buys through them.</summary>
    public SortedSet<string> Burned { get; init; } = new(StringComparer.Ordinal);

    /// <summary>On a grey market: trading, yet to form, or gone.</summary>
    public NetworkStatus Status { get; set; }

    /// <summary>On a grey market: what it can pay for new lots (USD): its working capital, less lots bought and not yet sold, plus what sales brought.</summary>
    public double CapitalUsd { get; set; }

    /// <summary>What its seizures add to its sense of the risk (1: it doubles), as of <see cref="CautionSince"/>; it halves every half-life.</summary>
    public double Caution { get; set; }

    /// <summary>The month of its last seizure (null: none yet).</summary>
    public YearMonth? CautionSince { get; set; }

    /// <summary>Months in a row it has seen no margin.</summary>
    public int MonthsWithoutMargin { get; set; }

    /// <summary>The conditions its last lot came with (the exporter's monitoring, location verification): what it expects of the next.</summary>
    public LicenceConditions Expected { get; set; } = LicenceConditions.None;

    /// <summary>This month's H100e it could have bought and did not, for want of margin (read by its block, not kept).</summary>
    [JsonIgnore]
    public double ForgoneH100e { get; private set; }

    public static Intermediary Create(IntermediarySpec spec, AgentAddress buyerAddress, string buyerCountry, SimulationContext context) =>
        new()
        {
            Spec = spec, BuyerAddress = buyerAddress, BuyerCountry = buyerCountry,
            NextOrder = spec.Potential ? null : context.Start.AddMonths(spec.FirstOrderMonth),
            Status = spec.Potential ? NetworkStatus.Potential : NetworkStatus.Active,
            BoughtThisYear = new long[spec.Shells], BoughtInAll = new long[spec.Shells], CapitalUsd = spec.WorkingCapitalUsd,
        };

    public string ShellName(int shell) => $"{Spec.Id}/shell-{shell + 1}";

    /// <summary>Whether it supplies a grey market: its buyer is in one of the market's countries.</summary>
    public bool Trades(SimulationContext context) => context.GreyMarket is { } market && market.Countries.Contains(BuyerCountry);

    /// <summary>The month's order, if it places one: on a grey market as its margins decide, elsewhere its fixed lot when due.</summary>
    public Order? PlaceOrder(MonthContext now, SimulationContext context, AgentAddress self) =>
        Trades(context) ? Trade(now, context, self, context.GreyMarket!) : PlaceFixedOrder(now.Month, context, self);

    /// <summary>
    /// A network on a grey market, each month it trades: it weighs every offer's margin against the risk as it sees it and
    /// its capital (<see cref="NetworkDecision"/>), buys the best in proportion to its margin, or buys nothing; it leaves
    /// when every shell is listed or after months without a margin.
    /// </summary>
    private Order? Trade(MonthContext now, SimulationContext context, AgentAddress self, GreyMarketSpec market)
    {
        ForgoneH100e = 0;
        var month = now.Month;
        if (Status == NetworkStatus.Potential && now.Grey.Entrants.Any(e => e.Id == Spec.Id))
        {
            Status = NetworkStatus.Active;
            NextOrder = month;
        }
        if (Status != NetworkStatus.Active || NextOrder is not { } due || due > month) return null;
        NextOrder = month.AddMonths(1); // it weighs the market every month
        if (Enumerable.Range(0, Spec.Shells).All(i => Burned.Contains(ShellName(i))))
        {
            Leave();
            return null;
        }
        var economics = market.Networks;
        var detection = Math.Min(1, RouteChecks.Detection(Spec, Expected, month, context) * (1 + CautionAt(month, economics)));
        var choice = NetworkDecision.Choose(now.Grey.Offers, Spec.ChipsPerOrder, CapitalUsd, detection, economics.ListingCostUsd, economics,
            context.Streams.Uniform(Spec.Id, month.Index, "generation"));
        ForgoneH100e = choice?.ForgoneH100e ?? 0;
        if (choice is { MarginRate: <= 0 })
        {
            if (++MonthsWithoutMargin >= economics.ExitAfterMonths) Leave();
            return null;
        }
        MonthsWithoutMargin = 0;
        if (choice is not { Chips: > 0 }) return null;
        var order = ThroughNextShell(month, choice.Offer.ChipModel, choice.Chips, context, self);
        if (order is not null) CapitalUsd -= Cost(order.ChipModel, order.Chips, context);
        return order;
    }

    private void Leave()
    {
        Status = NetworkStatus.Left;
        NextOrder = null;
    }

    /// <summary>What its seizures add to its sense of the risk in <paramref name="month"/>: halved for every half-life since.</summary>
    private double CautionAt(YearMonth month, NetworkEconomicsSpec economics) =>
        CautionSince is not { } since ? 0 : Caution * Math.Pow(0.5, (month - since) / economics.CautionHalfLifeMonths);

    /// <summary>What a lot costs a network: the list price and the transport to the hub.</summary>
    private static double Cost(string chipModel, int chips, SimulationContext context) =>
        chips * (context.Catalogue[chipModel].UnitPriceUsd ?? 0) * (1 + context.GreyMarket!.Networks.TransportCost);

    /// <summary>The fixed lot, every round: the intermediary orders its chip through the next shell that can take it.</summary>
    private Order? PlaceFixedOrder(YearMonth month, SimulationContext context, AgentAddress self)
    {
        if (NextOrder is not { } due || due > month) return null;
        if (context.Catalogue[Spec.ChipModel].AvailableFrom is { } available && available > month)
        {
            NextOrder = available; // nothing to divert before the chip ships
            return null;
        }
        NextOrder = month.AddMonths(Spec.OrderEveryMonths);
        return ThroughNextShell(month, Spec.ChipModel, Spec.ChipsPerOrder, context, self);
    }

    /// <summary>
    /// An order of <paramref name="chips"/> through the next shell, in turn, that is not listed and whose yearly budget
    /// takes it, spread over the chip's sellers; null when every shell is listed or at its budget this year.
    /// </summary>
    private Order? ThroughNextShell(YearMonth month, string chipModel, int chips, SimulationContext context, AgentAddress self)
    {
        var compute = context.TppOf(chipModel, chips);
        var budget = Spec.SplitFraction is { } fraction && context.RegimeAt(month).ConsigneeAllowance(context.Countries[Spec.Hub]) is { } allowance
            ? (long?)(allowance.Tenths * fraction)
            : null;
        if (BoughtYear != month.Year)
        {
            Array.Clear(BoughtThisYear); // a new year: every shell's budget is whole again
            BoughtYear = month.Year;
        }
        for (var k = 0; k < Spec.Shells; k++)
        {
            var index = (NextShell + k) % Spec.Shells;
            var shell = ShellName(index);
            if (Burned.Contains(shell) || (budget is { } limit && BoughtThisYear[index] + compute.Tenths > limit)) continue;
            NextShell = index + 1;
            BoughtThisYear[index] = checked(BoughtThisYear[index] + compute.Tenths);
            BoughtInAll[index] = checked(BoughtInAll[index] + compute.Tenths);
            var sellers = context.SellersOf(chipModel);
            var seller = sellers[OrdersPlaced % sellers.Count];
            OrdersPlaced++;
            return new Order(Spec.Id, shell, shell, self, Spec.Hub, Spec.Hub, seller, chipModel, chips, month);
        }
        return null; // every shell listed or at its budget this year
    }

    public void Receive(Lot lot) => Warehouse.Add(new PendingLot(lot.Shipped.AddMonths(Spec.DelayMonths + Spec.Transit.Count), lot));

    /// <summary>An order the licensing authority refused: an entity-listed shell is not used again. On a grey market its cost comes back.</summary>
    public void Denied(LicenceDecisionNotice notice, SimulationContext context)
    {
        if (notice.EntityListed) Burned.Add(notice.Consignee);
        if (Trades(context)) CapitalUsd += Cost(notice.Order.ChipModel, notice.Order.Chips, context);
    }

    /// <summary>
    /// Lots whose wait is over: each runs the checks in turn; what gets through is re-addressed to the buyer. On a grey
    /// market a lot sold brings its grey price back to the network's capital, and a seizure adds to its caution.
    /// </summary>
    public void Forward(MonthContext now, SimulationContext context, List<Lot> forwarded, List<Detection> detections)
    {
        var month = now.Month;
        var released = Warehouse.Where(p => p.Arrives <= month).Select(p => p.Lot).ToList();
        Warehouse.RemoveAll(p => p.Arrives <= month);
        var trades = Trades(context);
        foreach (var lot in released)
        {
            if (trades) Expected = lot.Conditions;
            if (Detect(lot, month, context) is { } check)
            {
                detections.Add(new Detection(month, Spec.Id, lot.Consignee, lot.Id, lot.ChipModel, lot.Chips, context.TppOf(lot.ChipModel, lot.Chips),
                    check.Name, check.Country));
                if (trades)
                {
                    Caution = CautionAt(month, context.GreyMarket!.Networks) + context.GreyMarket.Networks.CautionAfterSeizure;
                    CautionSince = month;
                }
                continue; // the intermediary learns the shell is listed only when an order through it is refused
            }
            if (trades) CapitalUsd += lot.Chips * context.Catalogue[lot.ChipModel].TppPerChip.H100e * now.Grey.UsdPerH100e(context.Catalogue[lot.ChipModel]);
            forwarded.Add(new Lot($"{lot.Id}>{Spec.Id}", Spec.Buyer, Spec.Buyer, BuyerAddress, BuyerCountry,
                lot.Seller, Spec.Id, lot.ChipModel, lot.Chips, Route.Smuggled, month, lot.Conditions, lot.ExportedUnder, lot.Exported));
        }
    }

    /// <summary>The first check that catches the lot (and where), or null. Each check draws from its own stream.</summary>
    private RouteCheck? Detect(Lot lot, YearMonth month, SimulationContext context)
    {
        foreach (var check in RouteChecks.Of(Spec, lot.Conditions, month, context))
            if (check.Probability > 0 && context.Streams.Uniform(Spec.Id, month.Index, $"{check.Name}:{check.Country}:{lot.Id}") < check.Probability) return check;
        return null;
    }

    [JsonIgnore]
    public YearMonth? NextWake =>
        Warehouse.Select(p => (YearMonth?)p.Arrives).Append(NextOrder).Where(m => m is not null).DefaultIfEmpty(null).Min();
}
