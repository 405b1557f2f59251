using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Trade;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Calibration;

/// <summary>The metrics a calibration target may name, each a function of a run's month records.</summary>
public static class CalibrationMetric
{
    /// <summary>Chips delivered in the period (chipmakers' deliveries and intermediaries' smuggled ones), filtered.</summary>
    public const string Chips = "chips";

    /// <summary>What chipmakers' deliveries in the period sold for at catalogue prices, in USD, filtered.</summary>
    public const string SalesUsd = "sales-usd";

    /// <summary>Installed H100e worldwide at the end of the period over that at the end of the month before it.</summary>
    public const string InstalledGrowth = "installed-growth";

    /// <summary>The largest linked cluster, in H100e, at the end of the period's last month.</summary>
    public const string LargestClusterH100e = "largest-cluster-h100e";

    /// <summary>An importer's magnets from the exporter as a share of normal, in the period's last month.</summary>
    public const string MagnetsFromExporterVsNormal = "magnets-from-exporter-vs-normal";

    /// <summary>The largest magnet shortage of an importer during the period (0 to 1).</summary>
    public const string MagnetShortagePeak = "magnet-shortage-peak";

    public static readonly IReadOnlyList<string> All = [Chips, SalesUsd, InstalledGrowth, LargestClusterH100e, MagnetsFromExporterVsNormal, MagnetShortagePeak];

    /// <summary>The metric's value for a run covering the target's period; null when the run does not measure it
    /// (no rare-earth market for a magnet metric, no installed compute before the period for growth).</summary>
    public static double? Measure(CalibrationTarget target, RunResults results)
    {
        var months = results.Months.Where(m => m.Month >= target.From && m.Month <= target.Until).ToList();
        var last = results.Months.FirstOrDefault(m => m.Month == target.Until);
        var filter = target.Filter;
        bool In(IReadOnlyList<string> list, string value) => list.Count == 0 || list.Contains(value);
        IEnumerable<DeliveryFlow> Flows() => months.SelectMany(m => m.Deliveries)
            .Where(f => In(filter.Countries, f.Country) && In(filter.ChipModels, f.ChipModel) && In(filter.Sellers, f.Seller) && In(filter.Routes, RouteName(f.Route)));
        switch (target.Metric)
        {
            case Chips:
                return Flows().Sum(f => (double)f.Chips);
            case SalesUsd:
                return Flows().Where(f => f.Route != Route.Smuggled).Sum(f => f.ValueUsd);
            case InstalledGrowth:
            {
                var before = results.Months.FirstOrDefault(m => m.Month == target.From.AddMonths(-1));
                var start = before is null ? 0 : Tpp.Sum(before.Countries.Select(c => c.Installed)).H100e;
                return last is null || start <= 0 ? null : Tpp.Sum(last.Countries.Select(c => c.Installed)).H100e / start;
            }
            case LargestClusterH100e:
                return last?.LargestCluster.H100e;
            case MagnetsFromExporterVsNormal:
                return last?.RareEarths.Importers.FirstOrDefault(i => In(filter.Countries, i.Country))?.FromExporterVsNormal;
            case MagnetShortagePeak:
            {
                var shortages = months.SelectMany(m => m.RareEarths.Importers).Where(i => In(filter.Countries, i.Country)).Select(i => i.Shortage).ToList();
                return shortages.Count == 0 ? null : shortages.Max();
            }
            default:
                return null;
        }
    }

    private static string RouteName(Route route) => route switch
    {
        Route.Licensed => "licensed",
        Route.Exempt => "exempt",
        _ => "smuggled",
    };
}
