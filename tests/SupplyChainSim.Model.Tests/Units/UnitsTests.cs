using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Tests;

public class UnitsTests
{
    [Fact]
    public void An_H100_is_one_H100_equivalent_and_its_TPP_is_published_rounded_up_as_15832()
    {
        Assert.Equal(1.0, Tpp.FromTpp(1978.9 * 8).H100e);
        Assert.Equal(15_832, (int)Math.Ceiling(Tpp.OneH100e.Value));
    }

    [Theory]
    [InlineData(790_000_000, 49_901)] // Tier 2 country cap, 2025-2027
    [InlineData(26_900_000, 1_699)]   // LPP: per consignee per year
    public void Regulation_thresholds_convert_to_the_published_H100e_figures(double tpp, int h100e) =>
        Assert.Equal(h100e, (int)Math.Floor(Tpp.FromTpp(tpp).H100e));

    [Fact]
    public void Sums_are_exact_whatever_the_order()
    {
        var parts = Enumerable.Range(1, 1000).Select(i => Tpp.FromTpp(i * 2368.0)).ToList();
        var forward = parts.Aggregate(Tpp.Zero, (a, b) => a + b);
        var backward = parts.AsEnumerable().Reverse().Aggregate(Tpp.Zero, (a, b) => a + b);
        Assert.Equal(forward, backward);
        Assert.Equal(2368.0 * 500_500, forward.Value);
    }

    [Theory]
    [InlineData("2025-05", 2025, 5)]
    [InlineData("1999-12", 1999, 12)]
    public void Months_parse_and_print_as_YYYY_MM(string text, int year, int month)
    {
        var parsed = YearMonth.Parse(text);
        Assert.Equal((year, month), (parsed.Year, parsed.Month));
        Assert.Equal(text, parsed.ToString());
        Assert.Equal(YearMonth.Parse("2026-01"), YearMonth.Parse("2025-12").AddMonths(1));
    }

    [Theory]
    [InlineData("2025-13")]
    [InlineData("2025-00")]
    [InlineData("2025-5")]
    [InlineData("25-05")]
    [InlineData("2025/05")]
    [InlineData("")]
    public void Malformed_months_are_rejected(string text) => Assert.False(YearMonth.TryParse(text, out _));

    [Fact]
    public void TPP_arithmetic_throws_on_overflow_rather_than_wrapping_to_a_negative_total()
    {
        var huge = new Tpp(long.MaxValue - 5);
        Assert.Throws<OverflowException>(() => huge + new Tpp(10));
        Assert.Throws<OverflowException>(() => new Tpp(long.MinValue + 5) - new Tpp(10));
        Assert.Throws<OverflowException>(() => Tpp.FromTpp(15_831.2) * 10_000_000_000_000_000);
        // Once cast silently: 1e308 TPP became long.MinValue tenths, a threshold of -58,260,725,888,445.664 H100e.
        Assert.Throws<OverflowException>(() => Tpp.FromTpp(1e308));
        Assert.Throws<OverflowException>(() => Tpp.FromH100e(double.PositiveInfinity));
        Assert.Throws<OverflowException>(() => Tpp.FromTpp(double.NaN));
        Assert.Equal(new Tpp(long.MaxValue), new Tpp(long.MaxValue - 5) + new Tpp(5));
    }

    [Fact]
    public void Months_run_from_0001_01_to_9999_12_and_never_print_a_five_digit_year()
    {
        Assert.Equal("0001-01", YearMonth.MinValue.ToString());
        Assert.Equal("9999-12", YearMonth.MaxValue.ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => new YearMonth(10_000, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new YearMonth(0, 12));
        Assert.Throws<ArgumentOutOfRangeException>(() => YearMonth.MaxValue.AddMonths(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => YearMonth.Parse("2025-01").AddMonths(int.MaxValue));
        Assert.Throws<ArgumentOutOfRangeException>(() => YearMonth.MinValue.AddMonths(-1));
        Assert.Equal("9999-12", YearMonth.Parse("9999-01").AddMonths(11).ToString());
    }
}
