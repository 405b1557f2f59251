using SupplyChainSim.Model.Scenarios;

namespace SupplyChainSim.Model.RareEarths;

public sealed record RareEarthImporterSpec
{
    public required string Country { get; init; }

    /// <summary>Magnets needed a month, tonnes.</summary>
    [ValueRange(0, 1_000_000, AboveMinimum = true)]
    public required double MonthlyNeedTonnes { get; init; }

    /// <summary>Share of the need normally met by the exporter (about 0.7 for the US; USGS).</summary>
    [ValueRange(0, 1, Is = "a fraction")]
    public double ShareFromExporter { get; init; } = 0.7;

    /// <summary>Stock at the start, in months of need: the usual stock, rebuilt from any surplus up to this and no more.</summary>
    [ValueRange(0, ScenarioLimits.Months)]
    public double StockMonths { get; init; } = 2;

    /// <summary>Monthly growth of alternative supply while the exporter holds back (its supply below normal).</summary>
    [ValueRange(0, 1, Is = "a fraction")]
    public double AlternativeGrowthPerMonth { get; init; } = 0.01;

    /// <summary>How much a full shortage cuts the importer's data-centre orders (0 to 1).</summary>
    [ValueRange(0, 1, Is = "a fraction")]
    public double BuildOutElasticity { get; init; } = 0.3;

    /// <summary>How much a full shortage cuts the production of chipmakers based in the importer (0 to 1).</summary>
    [ValueRange(0, 1, Is = "a fraction")]
    public double ProductionElasticity { get; init; } = 0.2;

    /// <summary>Political pressure keeps this share of itself each month and adds the month's shortage.</summary>
    [ValueRange(0, 1, Is = "a fraction")]
    public double PressureDecay { get; init; } = 0.8;
}
