using System.Text.Json.Serialization;
using SupplyChainSim.Model.Market;
using SupplyChainSim.Model.Regimes;
using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Trade;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Agents;

/// <summary>
/// A data centre orders toward its target cluster size in procurement rounds and installs what arrives. It
/// remembers how every chip was acquired; its block links chips into clusters. A lab in a grey market's countries
/// (<see cref="GreyMarketSpec"/>) does not name its chip: each round it splits the work it wants among the sources
/// open to it (<see cref="Source"/>), and counts its target in H100e of work.
/// </summary>
public sealed class DataCentre
{
    public required DataCentreSpec Spec { get; init; }

    /// <summary>How its chips were acquired; lots alike in every reported field are merged.</summary>
    public List<Acquisition> Acquisitions { get; init; } = [];

    public Tpp Installed { get; set; }

    /// <summary>Installed chips that came with a no-clustering condition.</summary>
    public Tpp NoClusteringCompute { get; set; }

    public int OutstandingChips { get; set; }

    public YearMonth? NextOrder { get; set; }

    public int OrdersPlaced { get; set; }

    /// <summary>A lab on a grey market: H100e of work installed (each chip's H100e times its performance for the lab).</summary>
    public double Work { get; set; }

    /// <summary>A lab on a grey market: H100e of work ordered lawfully or at home and not yet delivered.</summary>
    public double OutstandingWork { get; set; }

    /// <summary>A lab on a grey market: compute it rents abroad.</summary>
    public List<Rental> Rentals { get; init; } = [];

    /// <summary>Whether the site is a lab of a grey market's countries, which chooses among sources.</summary>
    public bool IsLab(SimulationContext context) => context.GreyMarket is { } market && market.Countries.Contains(Spec.Country);

    public static DataCentre Create(DataCentreSpec spec, SimulationContext context)
    {
        var first = context.Start.AddMonths(spec.FirstOrderMonth);
        var site = new DataCentre { Spec = spec, NextOrder = spec.ActiveFrom is { } active && active > first ? active : first };
        if (spec.InstalledH100e > 0) site.InstallBeforeRun(context);
        return site;
    }

    /// <summary>What the site held when the run began: bought lawfully before it, of its own chip if that had shipped.</summary>
    private void InstallBeforeRun(SimulationContext context)
    {
        var model = Spec.InstalledChipModel
            ?? (context.Catalogue[Spec.ChipModel].AvailableFrom is { } available && available > context.Start && context.Catalogue.Contains("H100-SXM") ? "H100-SXM" : Spec.ChipModel);
        var perChip = context.Catalogue[model].TppPerChip;
        var chips = (int)Math.Min(int.MaxValue, (Tpp.FromH100e(Spec.InstalledH100e).Tenths + perChip.Tenths - 1) / perChip.Tenths);
        var compute = perChip * chips;
        Installed += compute;
        if (IsLab(context)) Work += compute.H100e * LabSourcing.Performance(model, context.GreyMarket!.Buyers);
        Acquisitions.Add(new Acquisition(context.Start, BeforeRun, null, model, chips, compute, Route.Exempt, ExportedUnder: new RuleId(BeforeRun, BeforeRun)) { Exported = context.Start.AddMonths(-1) });
    }

    /// <summary>The seller and basis of chips a site held before the run began.</summary>
    public const string BeforeRun = "before-run";

    /// <summary>How much the owner's ambition has grown by <paramref name="month"/>.</summary>
    private double Growth(YearMonth month, SimulationContext context) =>
        Spec.GrowthPerYear == 0 ? 1 : Math.Pow(1 + Spec.GrowthPerYear, (month - context.Start) / 12.0);

    /// <summary>Sites of an owner whose network links them share a cluster key; other sites are clusters of their own.</summary>
    [JsonIgnore]
    public string ClusterKey => Spec.LinkAcrossSites ? $"{Spec.OwnerOrSelf}@{Spec.Country}" : Spec.Id;

    /// <summary>Whether the owner runs no-clustering software (the world builder settles the scenario's default).</summary>
    [JsonIgnore]
    public bool RunsNoClusteringSoftware => Spec.NoClusteringCompliance != false;

    /// <summary>Whether some chips stay unlinked because no-clustering software is running.</summary>
    [JsonIgnore]
    public bool HoldsUnlinkableChips => RunsNoClusteringSoftware && NoClusteringCompute > Tpp.Zero;

    /// <summary>The compute this site contributes to its cluster.</summary>
    public Tpp LinkedCompute(bool circumvented) => HoldsUnlinkableChips && !circumvented ? Installed - NoClusteringCompute : Installed;

    /// <summary>The acquisitions whose chips can be linked: all of them unless no-clustering software holds some back.</summary>
    public IEnumerable<Acquisition> Linkable(bool circumvented) =>
        !RunsNoClusteringSoftware || circumvented ? Acquisitions : Acquisitions.Where(a => !a.NoClustering);

    /// <param name="buildOut">What magnet shortage leaves of the order (1 = none).</param>
    public Order? PlaceOrder(YearMonth month, SimulationContext context, AgentAddress self, double buildOut = 1)
    {
        if (NextOrder is not { } due || due > month) return null;
        if (Spec.ActiveUntil is { } until && month > until)
        {
            NextOrder = null; // the owner has moved on: nothing more is ordered here
            return null;
        }
        var chip = context.Catalogue[Spec.ChipModel];
        if (chip.AvailableFrom is { } available && available > month)
        {
            NextOrder = available; // the chip does not ship yet: order when it does
            return null;
        }
        if (chip.AvailableUntil is { } discontinued && month > discontinued)
        {
            NextOrder = null; // no longer made: nothing more is ordered here
            return null;
        }
        var perChip = chip.TppPerChip;
        var growth = Growth(month, context);
        var target = Tpp.FromH100e(Spec.TargetH100e * growth);
        var held = Installed + perChip * OutstandingChips;
        if (held >= target)
        {
            // Target reached: idle for good, or until the growing ambition calls for more.
            NextOrder = Spec.GrowthPerYear > 0 ? month.AddMonths(Spec.OrderEveryMonths) : null;
            return null;
        }
        NextOrder = month.AddMonths(Spec.OrderEveryMonths);
        var wanted = Tpp.Max(new Tpp(1), new Tpp(Math.Min((target - held).Tenths, Tpp.FromH100e(Spec.OrderSizeH100e * growth * buildOut).Tenths)));
        var chips = (int)Math.Min(int.MaxValue, (wanted.Tenths + perChip.Tenths - 1) / perChip.Tenths);
        OutstandingChips += chips;
        OrdersPlaced++;
        return new Order(Spec.Id, Spec.Id, Spec.OwnerOrSelf, self, Spec.Country, Spec.HeadquartersOrCountry,
            context.SellerByChip[Spec.ChipModel], Spec.ChipModel, chips, month);
    }

    /// <summary>
    /// A lab's round on a grey market, when due: the work it wants (toward its target, at most its order size, both grown),
    /// split among its open sources by what an H100e of work costs from each (<see cref="SourceChoice"/>). It orders the
    /// lawful and domestic chips, asks the grey market for its share by generation, and rents its share abroad for a term;
    /// <paramref name="demand"/> sums what it asked of each.
    /// </summary>
    public List<Order> Source(MonthContext now, SimulationContext context, AgentAddress self, double buildOut, LabDemand demand)
    {
        var market = context.GreyMarket!;
        var month = now.Month;
        Rentals.RemoveAll(r => r.Until < month);
        var held = Work + OutstandingWork + Rentals.Sum(r => r.H100e) * market.Buyers.RemotePerformance;
        if (WantedWork(month, context, held, buildOut) is not { } wanted) return [];
        var options = LabSourcing.Options(Spec, now, context, market);
        var shares = SourceChoice.Shares([.. options.Select(o => o.CostPerMonth)], market.Buyers.ChoiceSensitivity);
        var orders = new List<Order>();
        demand.WantedWork += wanted;
        for (var i = 0; i < options.Count; i++)
        {
            var work = shares[i] * wanted;
            if (!(work > 0)) continue;
            var option = options[i];
            var h100e = work / option.Performance;
            switch (option.Kind)
            {
                case SourceKind.Smuggled:
                    demand.SmuggledWork += work;
                    demand.Grey[option.Generation!] = demand.Grey.GetValueOrDefault(option.Generation!) + h100e;
                    break;
                case SourceKind.Rented:
                    demand.RentedWork += work;
                    demand.RentedH100e += h100e;
                    Rentals.Add(new Rental(h100e, month.AddMonths(market.Buyers.RentalTermMonths - 1)));
                    break;
                default:
                    var chip = context.Catalogue[option.ChipModel!];
                    var chips = (int)Math.Min(int.MaxValue, Math.Ceiling(h100e / chip.TppPerChip.H100e));
                    OutstandingWork += chips * chip.TppPerChip.H100e * option.Performance;
                    if (option.Kind == SourceKind.Lawful) demand.LawfulWork += work;
                    else demand.DomesticWork += work;
                    orders.Add(new Order(Spec.Id, Spec.Id, Spec.OwnerOrSelf, self, Spec.Country, Spec.HeadquartersOrCountry,
                        context.SellerByChip[chip.Model], chip.Model, chips, month) { Named = $"{Order.NameOf(Spec.Id, month)}/{chip.Model}", BuyerClass = Spec.BuyerClass });
                    break;
            }
        }
        OrdersPlaced++;
        return orders;
    }

    /// <summary>The work a lab's round wants, or null when it orders nothing now (it then says when it next looks).</summary>
    private double? WantedWork(YearMonth month, SimulationContext context, double held, double buildOut)
    {
        if (NextOrder is not { } due || due > month) return null;
        if (Spec.ActiveUntil is { } until && month > until)
        {
            NextOrder = null;
            return null;
        }
        var growth = Growth(month, context);
        var target = Spec.TargetH100e * growth;
        if (held >= target)
        {
            NextOrder = Spec.GrowthPerYear > 0 ? month.AddMonths(Spec.OrderEveryMonths) : null;
            return null;
        }
        NextOrder = month.AddMonths(Spec.OrderEveryMonths);
        return Math.Min(target - held, Spec.OrderSizeH100e * growth * buildOut);
    }

    public void Install(YearMonth month, Lot lot, SimulationContext context)
    {
        var compute = context.TppOf(lot.ChipModel, lot.Chips);
        Installed += compute;
        if (lot.Conditions.NoClustering) NoClusteringCompute += compute;
        if (lot.Route != Route.Smuggled) OutstandingChips = Math.Max(0, OutstandingChips - lot.Chips);
        if (IsLab(context))
        {
            var work = compute.H100e * LabSourcing.Performance(lot.ChipModel, context.GreyMarket!.Buyers);
            Work += work;
            if (lot.Route != Route.Smuggled) OutstandingWork = Math.Max(0, OutstandingWork - work);
        }
        var acquisition = new Acquisition(month, lot.Seller, lot.Via, lot.ChipModel, lot.Chips, compute, lot.Route, lot.Conditions.NoClustering, lot.ExportedUnder)
        {
            Exported = lot.Exported,
            DeniedDirectlyBy = Breaches.DirectExport.DeniedBy(lot, Spec, context),
        };
        if (Acquisitions.Count > 0 && Acquisitions[^1] is var last && last with { Chips = lot.Chips, Compute = compute } == acquisition)
            Acquisitions[^1] = last with { Chips = last.Chips + lot.Chips, Compute = last.Compute + compute };
        else
            Acquisitions.Add(acquisition);
    }

    public void Denied(YearMonth month, Order order, SimulationContext context)
    {
        OutstandingChips = Math.Max(0, OutstandingChips - order.Chips);
        if (IsLab(context))
            OutstandingWork = Math.Max(0, OutstandingWork - context.TppOf(order.ChipModel, order.Chips).H100e * LabSourcing.Performance(order.ChipModel, context.GreyMarket!.Buyers));
        NextOrder ??= month.AddMonths(Spec.OrderEveryMonths);
    }
}
