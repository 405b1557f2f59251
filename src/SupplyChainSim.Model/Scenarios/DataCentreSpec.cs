using System.Text.Json.Serialization;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Scenarios;

/// <summary>A data centre: where it is, who owns it, what it buys and how large it wants to grow.</summary>
public sealed record DataCentreSpec
{
    public required string Id { get; init; }

    public required string Country { get; init; }

    /// <summary>The ultimate owner; the site itself when absent.</summary>
    public string? Owner { get; init; }

    /// <summary>Where the owner is headquartered; the site's country when absent.</summary>
    public string? OwnerHeadquarters { get; init; }

    public required string ChipModel { get; init; }

    /// <summary>The cluster size the owner is building toward.</summary>
    [ValueRange(0, ScenarioLimits.H100e)]
    public required double TargetH100e { get; init; }

    /// <summary>The most it orders at once.</summary>
    [ValueRange(0, ScenarioLimits.H100e, AboveMinimum = true)]
    public double OrderSizeH100e { get; init; } = 1000;

    /// <summary>Months between procurement rounds.</summary>
    [ValueRange(1, ScenarioLimits.LeadMonths)]
    public int OrderEveryMonths { get; init; } = 3;

    /// <summary>
    /// How fast the owner's ambition grows: its target and its order size are multiplied by (1 + this) each year from
    /// the run's start, so that demand keeps coming (installed AI compute grows about 2.3 to 3.3 times a year; Epoch AI).
    /// </summary>
    [ValueRange(0, 10)]
    public double GrowthPerYear { get; init; }

    /// <summary>Compute installed before the run starts, lawfully, in H100e (its chips: <see cref="InstalledChipModel"/>).</summary>
    [ValueRange(0, ScenarioLimits.H100e)]
    public double InstalledH100e { get; init; }

    /// <summary>The chip the installed compute is made of; the site's own chip when absent (or the H100 if that had not shipped).</summary>
    public string? InstalledChipModel { get; init; }

    /// <summary>The month the site (or its owner) came into being: it orders nothing before (Humain, founded 2025-05).</summary>
    public YearMonth? ActiveFrom { get; init; }

    /// <summary>The last month the site orders (a generation of chips its owner moves on from); it keeps what it has.</summary>
    public YearMonth? ActiveUntil { get; init; }

    /// <summary>Months after the scenario start of its first procurement round.</summary>
    [ValueRange(0, ScenarioLimits.Months)]
    public int FirstOrderMonth { get; init; }

    /// <summary>Whether the owner's network links its sites in this country into one cluster.</summary>
    public bool LinkAcrossSites { get; init; }

    /// <summary>
    /// Whether the owner runs the no-clustering software a regime requires. When absent: yes, unless the site is at a
    /// restricted destination (D:5 and Macau, or an owner headquartered there) or an intermediary supplies it.
    /// </summary>
    public bool? NoClusteringCompliance { get; init; }

    /// <summary>Monthly probability that a determined owner gets round no-clustering software (for good).</summary>
    [ValueRange(0, 1, Is = "a probability")]
    public double CircumventionPerMonth { get; init; }

    /// <summary>Its owner's class where the owner's government tells buyers apart ("state-linked", "private"): its guidance may differ by class.</summary>
    public string? BuyerClass { get; init; }

    [JsonIgnore]
    public string OwnerOrSelf => Owner ?? Id;

    [JsonIgnore]
    public string HeadquartersOrCountry => OwnerHeadquarters ?? Country;
}
