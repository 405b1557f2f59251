using System.Text.Json.Serialization;
using SupplyChainSim.Model.Regimes;
using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Trade;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Agents;

/// <summary>
/// A data centre orders toward its target cluster size in procurement rounds and installs what arrives. It
/// remembers how every chip was acquired; its block links chips into clusters.
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

    public void Install(YearMonth month, Lot lot, SimulationContext context)
    {
        var compute = context.TppOf(lot.ChipModel, lot.Chips);
        Installed += compute;
        if (lot.Conditions.NoClustering) NoClusteringCompute += compute;
        if (lot.Route != Route.Smuggled) OutstandingChips = Math.Max(0, OutstandingChips - lot.Chips);
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

    public void Denied(YearMonth month, Order order)
    {
        OutstandingChips = Math.Max(0, OutstandingChips - order.Chips);
        NextOrder ??= month.AddMonths(Spec.OrderEveryMonths);
    }
}
