using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Calibration;

/// <summary>
/// A published figure the model is held against: a metric of the model's outputs over a period, the published low,
/// central and high values, and where they come from. A run whose months cover the period is measured against it.
/// </summary>
public sealed record CalibrationTarget
{
    public required string Id { get; init; }

    /// <summary>What is measured (<see cref="CalibrationMetric"/>).</summary>
    public required string Metric { get; init; }

    /// <summary>Which deliveries, countries or importers count (metrics that filter say which keys they read).</summary>
    public TargetFilter Filter { get; init; } = new();

    /// <summary>The first and last month of the period (both included); a metric measured at one month uses <see cref="Until"/>.</summary>
    public required YearMonth From { get; init; }

    public required YearMonth Until { get; init; }

    [ValueRange(0, 1e15)]
    public required double Low { get; init; }

    [ValueRange(0, 1e15)]
    public required double Central { get; init; }

    [ValueRange(0, 1e15)]
    public required double High { get; init; }

    public required string Source { get; init; }

    /// <summary>Why the range is what it is, where the source gives only a point, and other choices.</summary>
    public string Note { get; init; } = "";

    public bool CoveredBy(YearMonth start, int months) => From >= start && Until <= start.AddMonths(months - 1);
}
