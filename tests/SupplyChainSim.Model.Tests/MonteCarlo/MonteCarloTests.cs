using SupplyChainSim.Model.MonteCarlo;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Tests;

public class MonteCarloTests
{
    [Theory]
    [InlineData(0, 10, 0.0, 0.2775)]
    [InlineData(5, 10, 0.2366, 0.7634)]
    [InlineData(10, 10, 0.7225, 1.0)]
    [InlineData(81, 263, 0.2553, 0.3662)]
    public void Wilson_interval_matches_published_values(int successes, int trials, double lower, double upper)
    {
        var (l, u) = MonteCarloSummary.WilsonInterval(successes, trials, 0.95);
        Assert.Equal(lower, l, 4);
        Assert.Equal(upper, u, 4);
    }

    private static ReplicationSummary Row(int replication, int breaches, string? first, double largest) => new(
        replication, (ulong)replication, breaches, first is null ? null : YearMonth.Parse(first), Tpp.FromH100e(largest), Tpp.Zero,
        Tpp.FromH100e(replication), Tpp.Zero, 0, Tpp.Zero, Tpp.Zero, Tpp.Zero);

    [Fact]
    public void Summary_counts_breaching_replications_and_takes_quantiles_of_first_breach_months()
    {
        var rows = new[]
        {
            Row(0, 2, "2025-03", 100), Row(1, 0, null, 200), Row(2, 1, "2025-05", 300), Row(3, 3, "2025-01", 400), Row(4, 0, null, 500),
        };
        var mc = MonteCarloSummary.Of(rows);
        Assert.Equal((5, 3, 0.6), (mc.Replications, mc.ReplicationsWithBreach, mc.BreachProbability));
        Assert.Equal(YearMonth.Parse("2025-03"), mc.FirstBreachMedian);
        Assert.Equal(300, Math.Round(mc.LargestClusterMedian, 6));
        Assert.Equal(2.0, mc.SmuggledH100eMean, 9);
        Assert.True(mc.BreachProbabilityLower95 < 0.6 && mc.BreachProbabilityUpper95 > 0.6);
    }
}
