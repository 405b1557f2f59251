using System.Text.Json.Serialization;
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

    public static Intermediary Create(IntermediarySpec spec, AgentAddress buyerAddress, string buyerCountry, SimulationContext context) =>
        new()
        {
            Spec = spec, BuyerAddress = buyerAddress, BuyerCountry = buyerCountry, NextOrder = context.Start.AddMonths(spec.FirstOrderMonth),
            BoughtThisYear = new long[spec.Shells], BoughtInAll = new long[spec.Shells],
        };

    public string ShellName(int shell) => $"{Spec.Id}/shell-{shell + 1}";

    public Order? PlaceOrder(YearMonth month, SimulationContext context, AgentAddress self)
    {
        if (NextOrder is not { } due || due > month) return null;
        if (context.Catalogue[Spec.ChipModel].AvailableFrom is { } available && available > month)
        {
            NextOrder = available; // nothing to divert before the chip ships
            return null;
        }
        NextOrder = month.AddMonths(Spec.OrderEveryMonths);
        var compute = context.TppOf(Spec.ChipModel, Spec.ChipsPerOrder);
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
            var sellers = context.SellersOf(Spec.ChipModel);
            var seller = sellers[OrdersPlaced % sellers.Count];
            OrdersPlaced++;
            return new Order(Spec.Id, shell, shell, self, Spec.Hub, Spec.Hub, seller, Spec.ChipModel, Spec.ChipsPerOrder, month);
        }
        return null; // every shell listed or at its budget this year
    }

    public void Receive(Lot lot) => Warehouse.Add(new PendingLot(lot.Shipped.AddMonths(Spec.DelayMonths + Spec.Transit.Count), lot));

    /// <summary>An order the licensing authority refused: an entity-listed shell is not used again.</summary>
    public void Denied(LicenceDecisionNotice notice)
    {
        if (notice.EntityListed) Burned.Add(notice.Consignee);
    }

    /// <summary>Lots whose wait is over: each runs the checks in turn; what gets through is re-addressed to the buyer.</summary>
    public void Forward(YearMonth month, SimulationContext context, List<Lot> forwarded, List<Detection> detections)
    {
        var released = Warehouse.Where(p => p.Arrives <= month).Select(p => p.Lot).ToList();
        Warehouse.RemoveAll(p => p.Arrives <= month);
        foreach (var lot in released)
        {
            if (Detect(lot, month, context) is { } check)
            {
                detections.Add(new Detection(month, Spec.Id, lot.Consignee, lot.Id, lot.ChipModel, lot.Chips, context.TppOf(lot.ChipModel, lot.Chips),
                    check.Name, check.Country));
                continue; // the intermediary learns the shell is listed only when an order through it is refused
            }
            forwarded.Add(new Lot($"{lot.Id}>{Spec.Id}", Spec.Buyer, Spec.Buyer, BuyerAddress, BuyerCountry,
                lot.Seller, Spec.Id, lot.ChipModel, lot.Chips, Route.Smuggled, month, lot.Conditions, lot.ExportedUnder, lot.Exported));
        }
    }

    /// <summary>The first check that catches the lot (and where), or null. Each check draws from its own stream.</summary>
    private (string Name, string Country)? Detect(Lot lot, YearMonth month, SimulationContext context)
    {
        var checks = new List<(string Name, string Country, double Probability)>
        {
            ("exporter-monitoring", Spec.Hub, lot.Conditions.ExporterMonitoring),
            ("location-verification", Spec.Hub, lot.Conditions.LocationVerification ? context.Enforcement.LocationVerificationDetection : 0),
        };
        // A country's own permit on re-exports (Malaysia's from 2025-07) checks every lot leaving or passing through it.
        var permits = context.RegimeAt(month).Rules.OfType<Regimes.Rules.TransitPermit>().ToList();
        foreach (var country in Spec.Transit.Prepend(Spec.Hub))
        {
            checks.Add(("customs", country, context.Enforcement.HubCustomsDetection * context.Countries[country].CustomsEnforcement));
            foreach (var permit in permits.Where(p => p.Country == country)) checks.Add(("transit-permit", country, permit.Detection));
        }
        foreach (var (name, country, probability) in checks)
            if (probability > 0 && context.Streams.Uniform(Spec.Id, month.Index, $"{name}:{country}:{lot.Id}") < probability) return (name, country);
        return null;
    }

    [JsonIgnore]
    public YearMonth? NextWake =>
        Warehouse.Select(p => (YearMonth?)p.Arrives).Append(NextOrder).Where(m => m is not null).DefaultIfEmpty(null).Min();
}
