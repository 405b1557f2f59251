using System.Globalization;

namespace SupplyChainSim.Model.Scenarios;

/// <summary>
/// The largest values the model accepts, chosen so that no valid scenario can overflow its exact arithmetic (TPP is
/// counted in tenths in a 64-bit integer) or exhaust a laptop's memory, while leaving room far beyond the real world.
/// </summary>
public static class ScenarioLimits
{
    /// <summary>A run's length, and how far ahead of the start an agent may first order: 100 years.</summary>
    public const int Months = 1200;

    /// <summary>Lead times, warehouse delays and ordering intervals: 10 years.</summary>
    public const int LeadMonths = 120;

    /// <summary>The TPP of one chip: an H100 is 15,831.2, a B200 about 36,000; 10,000,000 leaves room for any package.</summary>
    public const double ChipTpp = 10_000_000;

    /// <summary>
    /// Any amount of compute in H100e (targets, quotas, limits, allowances): 1,000,000,000 H100e, hundreds of times
    /// what the world makes in a year.
    /// </summary>
    public const double H100e = 1_000_000_000;

    /// <summary><see cref="H100e"/> in TPP, for allowances and caps written in TPP.</summary>
    public const double Tpp = H100e * Units.Tpp.H100;

    /// <summary>Chips one chipmaker makes of one model in a month, and all chipmakers together (the world makes about 500,000).</summary>
    public const int ChipsPerMonth = 10_000_000;

    /// <summary>
    /// Data centres in a world, listed and generated together. Measured (README, "When a scenario is wrong"): a
    /// ten-year run of 200,000 generated data centres peaks at 2.9 GB, one of 250,000 with 10,000 intermediaries at
    /// 3.2 GB, so a world at both limits stays within what an 8 to 16 GB laptop can give a run.
    /// </summary>
    public const int DataCentres = 250_000;

    /// <summary>
    /// Intermediaries in a world, listed and generated together. Each diverts a lot every few months for the whole
    /// run and its buyers keep every acquisition, so one costs several data centres: 20,000 add about 1.5 GB to a
    /// ten-year run (200,000 data centres with 20,000 intermediaries peak at 4.4 GB).
    /// </summary>
    public const int Intermediaries = 20_000;

    /// <summary>A relative weight (country, chip model, hub).</summary>
    public const double Weight = 1_000_000_000;

    /// <summary>Shell companies of one intermediary: each is tried in turn every month.</summary>
    public const int Shells = 1_000;

    /// <summary>Chips in one smuggling order.</summary>
    public const int ChipsPerOrder = 1_000_000;

    /// <summary>Countries one intermediary's lots pass through after the hub (a month each).</summary>
    public const int TransitCountries = 10;

    /// <summary>A chip's price, and so the investment a reciprocity pledge must match, in US dollars.</summary>
    public const double UnitPriceUsd = 10_000_000;

    /// <summary>
    /// The last month a run may reach, 9899-12: whatever agents schedule after it (a first order at most
    /// <see cref="Months"/> after the start, lead times and delays far less) still has a four-digit year.
    /// </summary>
    public static readonly Units.YearMonth LastMonth = Units.YearMonth.MaxValue.AddMonths(-Months);

    /// <summary>"1,200" or "0.5": numbers in messages, as an analyst writes them.</summary>
    public static string Format(double value) =>
        Math.Abs(value) < 1e15 && value == Math.Floor(value)
            ? value.ToString("N0", CultureInfo.InvariantCulture)
            : value.ToString("G", CultureInfo.InvariantCulture);

    /// <summary>"a probability from 0 to 1", "a whole number from 1 to 1,200": what the loader's messages expect.</summary>
    public static string Describe(ValueRangeAttribute range, bool whole)
    {
        var noun = range.Is ?? (whole ? "a whole number" : "a number");
        var (min, max) = (ScenarioLimits.Format(range.Minimum), ScenarioLimits.Format(range.Maximum));
        if (range.Minimum == range.Maximum) return min;
        return range.AboveMinimum ? $"{noun} above {min}, up to {max}" : $"{noun} from {min} to {max}";
    }
}
