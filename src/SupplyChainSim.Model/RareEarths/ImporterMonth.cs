
namespace SupplyChainSim.Model.RareEarths;

public sealed record ImporterMonth(string Country, double SupplyIndex, double Shortage, double Pressure, double BuildOutFactor, double ProductionFactor)
{
    /// <summary>Magnets in stock at the end of the month, in tonnes and in months of need.</summary>
    public double StockTonnes { get; init; }

    /// <summary>What came from the exporter as a share of what normally comes (0.26 after China's April 2025 licences).</summary>
    public double FromExporterVsNormal { get; init; } = 1;

    public double StockMonths { get; init; }
}
