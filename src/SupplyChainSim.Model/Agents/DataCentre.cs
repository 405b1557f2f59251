using System.Text.Json.Serialization;
using SupplyChainSim.Model.Regimes;
using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Trade;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Agents;

/// <summary>
/// A data centre orders toward its target cluster size in procurement rounds, installs what arrives, and links its
/// chips into one cluster. It remembers how every chip was acquired.
/// </summary>
public sealed class DataCentre
{
    public required DataCentreSpec Spec { get; init; }

    /// <summary>How its chips were acquired; lots alike in every reported field are merged.</summary>
    public List<Acquisition> Acquisitions { get; init; } = [];

    public Tpp Installed { get; set; }

    /// <summary>Chips acquired through licensed or exempt routes.</summary>
    public Tpp Lawful { get; set; }

    /// <summary>Chips acquired under a licence.</summary>
    public Tpp Licensed { get; set; }

    public int OutstandingChips { get; set; }

    public YearMonth? NextOrder { get; set; }

    public int OrdersPlaced { get; set; }

    public bool InBreach { get; set; }

    public static DataCentre Create(DataCentreSpec spec, SimulationContext context) =>
        new() { Spec = spec, NextOrder = context.Start.AddMonths(spec.FirstOrderMonth) };

    /// <summary>The linked cluster: every chip at the site (no-clustering software arrives with the smuggling issue).</summary>
    [JsonIgnore]
    public Tpp Cluster => Installed;

    public Order? PlaceOrder(YearMonth month, SimulationContext context, AgentAddress self)
    {
        if (NextOrder is not { } due || due > month) return null;
        var perChip = context.Catalogue[Spec.ChipModel].TppPerChip;
        var target = Tpp.FromH100e(Spec.TargetH100e);
        var held = Installed + perChip * OutstandingChips;
        if (held >= target)
        {
            NextOrder = null; // target reached: idle until something changes
            return null;
        }
        NextOrder = month.AddMonths(Spec.OrderEveryMonths);
        var wanted = Tpp.Max(new Tpp(1), new Tpp(Math.Min((target - held).Tenths, Tpp.FromH100e(Spec.OrderSizeH100e).Tenths)));
        var chips = (int)Math.Min(int.MaxValue, (wanted.Tenths + perChip.Tenths - 1) / perChip.Tenths);
        OutstandingChips += chips;
        OrdersPlaced++;
        return new Order($"{Spec.Id}@{month}", Spec.Id, Spec.Id, Spec.OwnerOrSelf, self, Spec.Country, Spec.HeadquartersOrCountry,
            context.SellerByChip[Spec.ChipModel], Spec.ChipModel, chips, month);
    }

    public void Install(YearMonth month, Lot lot, SimulationContext context)
    {
        var compute = context.TppOf(lot.ChipModel, lot.Chips);
        Installed += compute;
        if (lot.Route != Route.Smuggled)
        {
            Lawful += compute;
            if (lot.Route == Route.Licensed) Licensed += compute;
            OutstandingChips = Math.Max(0, OutstandingChips - lot.Chips);
        }
        var acquisition = new Acquisition(month, lot.Seller, lot.Via, lot.ChipModel, lot.Chips, compute, lot.Route);
        if (Acquisitions.Count > 0 && Acquisitions[^1] is var last && last with { Chips = lot.Chips, Compute = compute } == acquisition)
            Acquisitions[^1] = last with { Chips = last.Chips + lot.Chips, Compute = last.Compute + compute };
        else
            Acquisitions.Add(acquisition);
    }

    public void Denied(YearMonth month, Order order)
    {
        OutstandingChips = Math.Max(0, OutstandingChips - order.Chips);
        NextOrder ??= month.AddMonths(Spec.OrderEveryMonths);
    }

    /// <summary>Checks the cluster against the regime; returns a breach when it has just gone over what is permitted.</summary>
    public ClusterBreach? Assess(YearMonth month, SimulationContext context)
    {
        var site = new ClusterSite(Spec.Id, Spec.OwnerOrSelf, context.Countries[Spec.Country],
            context.Countries[Spec.HeadquartersOrCountry], Cluster, Lawful, Licensed);
        var permitted = context.RegimeAt(month).PermittedCluster(site);
        var inBreach = permitted is { } limit && Cluster > limit;
        var breach = inBreach && !InBreach
            ? new ClusterBreach(month, Spec.Id, Spec.OwnerOrSelf, Spec.Country, Cluster, permitted!.Value, [.. Acquisitions])
            : null;
        InBreach = inBreach;
        return breach;
    }
}

/// <summary>
/// A linked cluster larger than the regime permits its owner, recorded in the month it first went over, with the
/// acquisitions that built it (their H100e add up to <see cref="Cluster"/>).
/// </summary>
public sealed record ClusterBreach(
    YearMonth Month,
    string Site,
    string Owner,
    string Country,
    Tpp Cluster,
    Tpp Threshold,
    IReadOnlyList<Acquisition> Acquisitions);
