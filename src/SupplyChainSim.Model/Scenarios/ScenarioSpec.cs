using System.Text.Json.Serialization;
using SupplyChainSim.Model.Countries;
using SupplyChainSim.Model.RareEarths;
using SupplyChainSim.Model.Regimes;
using SupplyChainSim.Model.Regimes.Rules;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Scenarios;

/// <summary>
/// A scenario file as written by an analyst: the world (chipmakers, countries, data centres, intermediaries), the
/// export regime and the run's seed and span. Agents are listed one by one or generated from counts and distributions.
/// </summary>
public sealed record ScenarioSpec
{
    public const int CurrentFormatVersion = 1;

    [JsonPropertyName("$schema")]
    public string? Schema { get; init; }

    [ValueRange(CurrentFormatVersion, CurrentFormatVersion)]
    public required int FormatVersion { get; init; }

    public required string Name { get; init; }

    public string Description { get; init; } = "";

    public required ulong Seed { get; init; }

    /// <summary>The seed generated agents are drawn from; <see cref="Seed"/> when absent. Fixing it keeps the world
    /// the same while the run's seed (and so its random events) changes.</summary>
    public ulong? WorldSeed { get; init; }

    public required YearMonth Start { get; init; }

    [ValueRange(1, ScenarioLimits.Months)]
    public required int Months { get; init; }

    /// <summary>A chip catalogue file, relative to the scenario; the built-in catalogue when absent.</summary>
    public string? CatalogueFile { get; init; }

    /// <summary>A country list file, relative to the scenario; the built-in list when absent.</summary>
    public string? CountriesFile { get; init; }

    /// <summary>Countries to add, or to replace by code, on top of the country list.</summary>
    public IReadOnlyList<CountrySpec> Countries { get; init; } = [];

    public RegimeSpec Regime { get; init; } = new();

    public IReadOnlyList<ChipmakerSpec> Chipmakers { get; init; } = [];

    public DataCentresSpec DataCentres { get; init; } = new();

    public IntermediariesSpec Intermediaries { get; init; } = new();

    public EnforcementSpec Enforcement { get; init; } = new();

    public RareEarthSpec RareEarths { get; init; } = new();

    /// <summary>
    /// The excesses (H100e beyond what the rules permit) an analyst cares about, ascending: for each breach kind and
    /// threshold the outputs give the probability that some cluster reaches it. By default 100, 1,000 and 10,000.
    /// </summary>
    [ValueRange(0, ScenarioLimits.H100e, AboveMinimum = true, Is = "an excess in H100e")]
    public IReadOnlyList<double> BreachThresholdsH100e { get; init; } = Breaches.BreachKind.DefaultThresholdsH100e;

    /// <summary>Thresholds for single kinds ("unlawful-compute", "piecemeal-exemption", "no-clustering"), in place of
    /// <see cref="BreachThresholdsH100e"/> for those kinds.</summary>
    [ValueRange(0, ScenarioLimits.H100e, AboveMinimum = true, Is = "an excess in H100e")]
    public IReadOnlyDictionary<string, IReadOnlyList<double>> BreachThresholdsH100eByKind { get; init; } =
        new Dictionary<string, IReadOnlyList<double>>();

    /// <summary>The inputs `explore` samples, each with its range or distribution; other commands run the values written.</summary>
    public IReadOnlyList<UncertaintySpec> Uncertainties { get; init; } = [];
}

/// <summary>How likely each check is to catch a diverted lot (exporter monitoring comes with the licence conditions).</summary>
public sealed record EnforcementSpec
{
    /// <summary>Per lot and per country it passes through: this times the country's customsEnforcement.</summary>
    [ValueRange(0, 1, Is = "a probability")]
    public double HubCustomsDetection { get; init; }

    /// <summary>Per diverted lot that carries a location-verification condition.</summary>
    [ValueRange(0, 1, Is = "a probability")]
    public double LocationVerificationDetection { get; init; } = 0.5;
}

/// <summary>The export regime: its rules, each in force over its own months. Without rules, the baseline controls.</summary>
public sealed record RegimeSpec
{
    public IReadOnlyList<RegimeRule> Rules { get; init; } = [new Baseline3A090()];
}

/// <summary>A chipmaker: what it makes, how many a month, and how long an order takes to arrive.</summary>
public sealed record ChipmakerSpec
{
    public required string Id { get; init; }

    public string Country { get; init; } = "US";

    /// <summary>Months from production to delivery.</summary>
    [ValueRange(0, ScenarioLimits.LeadMonths)]
    public int LeadTimeMonths { get; init; } = 2;

    /// <summary>Chips produced per month, by chip model.</summary>
    [ValueRange(0, ScenarioLimits.ChipsPerMonth)]
    public required IReadOnlyDictionary<string, int> Capacity { get; init; }

    /// <summary>Whether its chips are subject to the US Export Administration Regulations; by default, if it is in the US.</summary>
    public bool? SubjectToEar { get; init; }

    [JsonIgnore]
    public bool IsSubjectToEar => SubjectToEar ?? Country == "US";
}

public sealed record DataCentresSpec
{
    /// <summary>Data centres listed one by one.</summary>
    public IReadOnlyList<DataCentreSpec> Sites { get; init; } = [];

    /// <summary>Data centres generated from counts and distributions.</summary>
    public IReadOnlyList<DataCentreGenerator> Generate { get; init; } = [];
}

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

    [JsonIgnore]
    public string OwnerOrSelf => Owner ?? Id;

    [JsonIgnore]
    public string HeadquartersOrCountry => OwnerHeadquarters ?? Country;
}

public sealed record DataCentreGenerator
{
    [ValueRange(0, ScenarioLimits.DataCentres)]
    public required int Count { get; init; }

    public string IdPrefix { get; init; } = "dc";

    /// <summary>Relative weights of the countries the sites are placed in.</summary>
    [ValueRange(0, ScenarioLimits.Weight)]
    public required IReadOnlyDictionary<string, double> CountryWeights { get; init; }

    /// <summary>Owners per country the sites are shared among; 0 gives every site its own owner.</summary>
    [ValueRange(0, ScenarioLimits.DataCentres)]
    public int OwnersPerCountry { get; init; }

    /// <summary>Relative weights of the chip models the sites buy.</summary>
    [ValueRange(0, ScenarioLimits.Weight)]
    public required IReadOnlyDictionary<string, double> ChipModels { get; init; }

    [ValueRange(0, ScenarioLimits.H100e)]
    public required Distribution TargetH100e { get; init; }

    [ValueRange(0, ScenarioLimits.H100e, AboveMinimum = true)]
    public Distribution OrderSizeH100e { get; init; } = Distribution.Constant(1000);

    [ValueRange(1, ScenarioLimits.LeadMonths)]
    public Distribution OrderEveryMonths { get; init; } = Distribution.Constant(3);

    /// <summary>Each site's yearly growth of target and order size (see <see cref="DataCentreSpec.GrowthPerYear"/>).</summary>
    [ValueRange(0, 10)]
    public Distribution GrowthPerYear { get; init; } = Distribution.Constant(0);

    /// <summary>Each site's compute installed before the run, in H100e.</summary>
    [ValueRange(0, ScenarioLimits.H100e)]
    public Distribution InstalledH100e { get; init; } = Distribution.Constant(0);

    /// <summary>The chip the installed compute is made of (see <see cref="DataCentreSpec.InstalledChipModel"/>).</summary>
    public string? InstalledChipModel { get; init; }

    /// <summary>The first month the sites order (see <see cref="DataCentreSpec.ActiveFrom"/>).</summary>
    public YearMonth? ActiveFrom { get; init; }

    /// <summary>The last month the sites order (see <see cref="DataCentreSpec.ActiveUntil"/>).</summary>
    public YearMonth? ActiveUntil { get; init; }
}

public sealed record IntermediariesSpec
{
    public IReadOnlyList<IntermediarySpec> List { get; init; } = [];

    public IReadOnlyList<IntermediaryGenerator> Generate { get; init; } = [];
}

/// <summary>
/// A smuggling intermediary: registered in a transit hub, it buys through its shell companies and forwards the lots
/// to a restricted buyer after a delay.
/// </summary>
public sealed record IntermediarySpec
{
    public required string Id { get; init; }

    /// <summary>The transit-hub country its shells are registered in.</summary>
    public required string Hub { get; init; }

    [ValueRange(1, ScenarioLimits.Shells)]
    public int Shells { get; init; } = 3;

    /// <summary>The data centre it diverts to.</summary>
    public required string Buyer { get; init; }

    public required string ChipModel { get; init; }

    [ValueRange(1, ScenarioLimits.ChipsPerOrder)]
    public required int ChipsPerOrder { get; init; }

    [ValueRange(1, ScenarioLimits.LeadMonths)]
    public int OrderEveryMonths { get; init; } = 1;

    /// <summary>Months a lot waits in the hub warehouse before it is forwarded.</summary>
    [ValueRange(0, ScenarioLimits.LeadMonths)]
    public int DelayMonths { get; init; } = 1;

    /// <summary>Price markup charged to the buyer, as a fraction.</summary>
    [ValueRange(0, 10, Is = "a fraction")]
    public double Markup { get; init; } = 0.3;

    [ValueRange(0, ScenarioLimits.Months)]
    public int FirstOrderMonth { get; init; }

    /// <summary>
    /// Each shell buys at most this fraction of the exemption allowance in force (per consignee per year) in a
    /// calendar year; a shell that would go over waits for the next. No limit when absent or without an allowance.
    /// </summary>
    [ValueRange(0, 1, AboveMinimum = true, Is = "a fraction")]
    public double? SplitFraction { get; init; }

    /// <summary>Countries the lots pass through after the hub, each a month and a customs check.</summary>
    public IReadOnlyList<string> Transit { get; init; } = [];
}

public sealed record IntermediaryGenerator
{
    [ValueRange(0, ScenarioLimits.Intermediaries)]
    public required int Count { get; init; }

    public string IdPrefix { get; init; } = "broker";

    [ValueRange(0, ScenarioLimits.Weight)]
    public required IReadOnlyDictionary<string, double> HubWeights { get; init; }

    /// <summary>Countries whose data centres the intermediaries divert to.</summary>
    public required IReadOnlyList<string> BuyerCountries { get; init; }

    /// <summary>Only data centres whose id starts with this are buyers (a generator's idPrefix: the labs that buy smuggled chips).</summary>
    public string? BuyerIdPrefix { get; init; }

    [ValueRange(0, ScenarioLimits.Weight)]
    public required IReadOnlyDictionary<string, double> ChipModels { get; init; }

    [ValueRange(1, ScenarioLimits.Shells)]
    public Distribution Shells { get; init; } = Distribution.Constant(3);

    [ValueRange(1, ScenarioLimits.ChipsPerOrder)]
    public required Distribution ChipsPerOrder { get; init; }

    [ValueRange(1, ScenarioLimits.LeadMonths)]
    public Distribution OrderEveryMonths { get; init; } = Distribution.Constant(1);

    [ValueRange(0, ScenarioLimits.LeadMonths)]
    public Distribution DelayMonths { get; init; } = Distribution.Constant(1);

    [ValueRange(0, 10, Is = "a fraction")]
    public Distribution Markup { get; init; } = Distribution.Constant(0.3);
}
