using System.Text.Json.Serialization;
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

    public static DataCentre Create(DataCentreSpec spec, SimulationContext context) =>
        new() { Spec = spec, NextOrder = context.Start.AddMonths(spec.FirstOrderMonth) };

    /// <summary>Sites of an owner whose network links them share a cluster key; other sites are clusters of their own.</summary>
    [JsonIgnore]
    public string ClusterKey => Spec.LinkAcrossSites ? $"{Spec.OwnerOrSelf}@{Spec.Country}" : Spec.Id;

    /// <summary>Whether some chips stay unlinked because no-clustering software is running.</summary>
    [JsonIgnore]
    public bool HoldsUnlinkableChips => Spec.NoClusteringCompliance && NoClusteringCompute > Tpp.Zero;

    /// <summary>The compute this site contributes to its cluster.</summary>
    public Tpp LinkedCompute(bool circumvented) => HoldsUnlinkableChips && !circumvented ? Installed - NoClusteringCompute : Installed;

    /// <summary>The acquisitions whose chips can be linked: all of them unless no-clustering software holds some back.</summary>
    public IEnumerable<Acquisition> Linkable(bool circumvented) =>
        !Spec.NoClusteringCompliance || circumvented ? Acquisitions : Acquisitions.Where(a => !a.NoClustering);

    /// <param name="buildOut">What magnet shortage leaves of the order (1 = none).</param>
    public Order? PlaceOrder(YearMonth month, SimulationContext context, AgentAddress self, double buildOut = 1)
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
        var wanted = Tpp.Max(new Tpp(1), new Tpp(Math.Min((target - held).Tenths, Tpp.FromH100e(Spec.OrderSizeH100e * buildOut).Tenths)));
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
        if (lot.Conditions.NoClustering) NoClusteringCompute += compute;
        if (lot.Route != Route.Smuggled) OutstandingChips = Math.Max(0, OutstandingChips - lot.Chips);
        var acquisition = new Acquisition(month, lot.Seller, lot.Via, lot.ChipModel, lot.Chips, compute, lot.Route, lot.Conditions.NoClustering, lot.Basis);
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

/// <summary>
/// A linked cluster larger than the regime permits its owner, recorded in the month it first went over, with the
/// acquisitions that built it: their H100e add up exactly to <see cref="Cluster"/>.
/// </summary>
public sealed record ClusterBreach(
    YearMonth Month,
    string Site,
    string Owner,
    string Country,
    Tpp Cluster,
    Tpp Threshold,
    IReadOnlyList<Acquisition> Acquisitions)
{
    /// <summary>Every site linked into the cluster (one unless the owner links its sites).</summary>
    public IReadOnlyList<string> Sites { get; init; } = [];

    /// <summary>Whether this is the owner's first breach.</summary>
    public bool FirstForOwner { get; init; }

    /// <summary>Whether any intermediary that supplied the cluster had been caught by the breach month.</summary>
    public bool DetectedByThen { get; init; }

    /// <summary>The route (and intermediary) that contributed the most H100e to what made the cluster unauthorised.</summary>
    public (Route Route, string? Via, Tpp Compute) MainContribution => MainContributionOf(Acquisitions);

    /// <summary>
    /// The largest contribution by route and intermediary, among smuggled acquisitions where there are any (they are
    /// what no rule authorised); otherwise among all of them (exempt chips linked past an exemption's size).
    /// </summary>
    public static (Route Route, string? Via, Tpp Compute) MainContributionOf(IEnumerable<Acquisition> acquisitions) =>
        (acquisitions.Any(a => a.Route == Route.Smuggled) ? acquisitions.Where(a => a.Route == Route.Smuggled) : acquisitions)
            .GroupBy(a => (a.Route, a.Via)).Select(g => (g.Key.Route, g.Key.Via, Compute: g.Aggregate(Tpp.Zero, (s, a) => s + a.Compute)))
            .OrderByDescending(c => c.Compute).ThenBy(c => c.Route).ThenBy(c => c.Via, StringComparer.Ordinal).First();
}
