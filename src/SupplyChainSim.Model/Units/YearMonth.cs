using System.Globalization;
using System.Text.Json.Serialization;

namespace SupplyChainSim.Model.Units;

/// <summary>
/// A calendar month, the simulation's clock tick, from 0001-01 to 9999-12. Written and read as "YYYY-MM": a month
/// outside that span would not fit the four-digit year, so it cannot be made.
/// </summary>
[JsonConverter(typeof(YearMonthJsonConverter))]
public readonly record struct YearMonth : IComparable<YearMonth>
{
    public static readonly YearMonth MinValue = new(1, 1);

    public static readonly YearMonth MaxValue = new(9999, 12);

    /// <summary>The earliest month a file may name: before it there were no AI chips to control.</summary>
    public static readonly YearMonth FirstParsed = new(1900, 1);

    private const int MinIndex = 12;
    private const int MaxIndex = 9999 * 12 + 11;

    /// <summary>Months since 0000-01.</summary>
    public int Index { get; }

    public YearMonth(int index) =>
        Index = index is >= MinIndex and <= MaxIndex ? index : throw new ArgumentOutOfRangeException(nameof(index), index, "A month is 0001-01 to 9999-12.");

    public YearMonth(int year, int month) : this(year is >= 1 and <= 9999 ? year * 12 + (month - 1) : -1)
    {
        if (month is < 1 or > 12) throw new ArgumentOutOfRangeException(nameof(month), month, "A month is 1 to 12.");
    }

    public int Year => Index / 12;

    public int Month => Index % 12 + 1;

    public YearMonth AddMonths(int months) => new((int)Math.Clamp((long)Index + months, int.MinValue, int.MaxValue));

    public static int operator -(YearMonth a, YearMonth b) => a.Index - b.Index;

    public static bool operator <(YearMonth a, YearMonth b) => a.Index < b.Index;

    public static bool operator >(YearMonth a, YearMonth b) => a.Index > b.Index;

    public static bool operator <=(YearMonth a, YearMonth b) => a.Index <= b.Index;

    public static bool operator >=(YearMonth a, YearMonth b) => a.Index >= b.Index;

    public int CompareTo(YearMonth other) => Index.CompareTo(other.Index);

    public override string ToString() =>
        Year.ToString("D4", CultureInfo.InvariantCulture) + "-" + Month.ToString("D2", CultureInfo.InvariantCulture);

    /// <summary>Parses "YYYY-MM" strictly: four-digit year from 1900, two-digit month 01-12.</summary>
    public static bool TryParse(string? text, out YearMonth value)
    {
        value = default;
        if (text is not { Length: 7 } || text[4] != '-') return false;
        if (!int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)) return false;
        if (!int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month)) return false;
        if (year < 1900 || month is < 1 or > 12) return false;
        value = new YearMonth(year, month);
        return true;
    }

    public static YearMonth Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"'{text}' is not a month in the form YYYY-MM.");
}
