using System.Text.Json.Serialization;
using SupplyChainSim.Model.Countries;
using SupplyChainSim.Model.RareEarths;
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

    /// <summary>The grey market of the restricted destinations: prices, networks that decide, labs that choose. None when absent.</summary>
    public Market.GreyMarketSpec? GreyMarket { get; init; }

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
