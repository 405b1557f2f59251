using System.Globalization;

namespace SupplyChainSim.Model.Units;

/// <summary>
/// An amount of compute in TPP (Total Processing Performance, ECCN 3A090), held exactly as an integer number of
/// tenths so that sums never depend on the order they are added in. Arithmetic is checked: an amount too large for
/// 64 bits throws <see cref="OverflowException"/>, never wraps round to a wrong (negative) total.
/// </summary>
public readonly record struct Tpp(long Tenths) : IComparable<Tpp>
{
    /// <summary>H100 SXM: 1,978.9 dense FP8 TOPS x 8 bits = 15,831.2 TPP (published rounded up as 15,832).</summary>
    public const long H100Tenths = 158_312;

    /// <summary>The H100's TPP as a number, for checks and messages that work in plain TPP.</summary>
    public const double H100 = H100Tenths / 10.0;

    public static readonly Tpp Zero = new(0);

    /// <summary>The H100-equivalent: the unit every cluster size and threshold is reported in.</summary>
    public static readonly Tpp OneH100e = new(H100Tenths);

    public static Tpp FromTpp(double tpp) => new(ToTenths(Math.Round(tpp * 10, MidpointRounding.AwayFromZero)));

    /// <summary>The smallest whole TPP amount worth at least <paramref name="h100e"/> H100-equivalents.</summary>
    public static Tpp FromH100e(double h100e) => new(ToTenths(Math.Ceiling(h100e * H100Tenths)));

    // A checked conversion: NaN, infinities and values beyond 64 bits throw instead of saturating.
    private static long ToTenths(double tenths) => checked((long)tenths);

    public double Value => Tenths / 10.0;

    public double H100e => (double)Tenths / H100Tenths;

    public static Tpp operator +(Tpp a, Tpp b) => new(checked(a.Tenths + b.Tenths));

    public static Tpp operator -(Tpp a, Tpp b) => new(checked(a.Tenths - b.Tenths));

    public static Tpp operator *(Tpp a, long chips) => new(checked(a.Tenths * chips));

    public static bool operator <(Tpp a, Tpp b) => a.Tenths < b.Tenths;

    public static bool operator >(Tpp a, Tpp b) => a.Tenths > b.Tenths;

    public static bool operator <=(Tpp a, Tpp b) => a.Tenths <= b.Tenths;

    public static bool operator >=(Tpp a, Tpp b) => a.Tenths >= b.Tenths;

    public static Tpp Max(Tpp a, Tpp b) => a.Tenths >= b.Tenths ? a : b;

    public static Tpp Min(Tpp a, Tpp b) => a.Tenths <= b.Tenths ? a : b;

    /// <summary>The exact total of some amounts of compute (checked, like every sum of compute).</summary>
    public static Tpp Sum(IEnumerable<Tpp> amounts)
    {
        long tenths = 0;
        foreach (var amount in amounts) tenths = checked(tenths + amount.Tenths);
        return new Tpp(tenths);
    }

    /// <summary>The exact total of the compute of some items.</summary>
    public static Tpp Sum<T>(IEnumerable<T> items, Func<T, Tpp> compute) => Sum(items.Select(compute));

    public int CompareTo(Tpp other) => Tenths.CompareTo(other.Tenths);

    public override string ToString() => Value.ToString("0.#", CultureInfo.InvariantCulture) + " TPP";
}
