using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Scenarios;

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

    /// <summary>Relative weights of the buyer classes owners belong to ("state-linked", "private"): drawn once per owner. None when empty.</summary>
    [ValueRange(0, ScenarioLimits.Weight)]
    public IReadOnlyDictionary<string, double> BuyerClasses { get; init; } = new Dictionary<string, double>();

    /// <summary>The first month the sites order (see <see cref="DataCentreSpec.ActiveFrom"/>).</summary>
    public YearMonth? ActiveFrom { get; init; }

    /// <summary>The last month the sites order (see <see cref="DataCentreSpec.ActiveUntil"/>).</summary>
    public YearMonth? ActiveUntil { get; init; }
}
