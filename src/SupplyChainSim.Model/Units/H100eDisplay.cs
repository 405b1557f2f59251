using System.Globalization;

namespace SupplyChainSim.Model.Units;

/// <summary>How an amount of compute is shown in H100-equivalents: one rule for pages, the console, views and messages.</summary>
public static class H100eDisplay
{
    /// <summary>For people: thousands separated, one decimal ("12,345.6"), whatever the machine's culture.</summary>
    public static string H100eText(double h100e) => h100e.ToString("N1", CultureInfo.InvariantCulture);

    public static string H100eText(Tpp compute) => H100eText(compute.H100e);

    /// <summary>
    /// For figures a program reads: rounded half away from zero, to one decimal in views and snapshots, to three in
    /// output files (enough to tell a single chip of the smallest catalogued model from none).
    /// </summary>
    public static double H100eRounded(Tpp compute, int decimals = 1) => Math.Round(compute.H100e, decimals, MidpointRounding.AwayFromZero);
}
