using MathNet.Numerics.Distributions;
using SupplyChainSim.Model.Exploration;
using SupplyChainSim.Model.Randomness;
using SupplyChainSim.Model.Scenarios;

namespace SupplyChainSim.Model.Tests;

/// <summary>The statistics of `explore` on data whose answers are known: Latin hypercube sampling, PRCC and PRIM.</summary>
public class ExplorationStatisticsTests
{
    private static double[][] Hypercube(int samples, int dimensions, ulong seed = 11) =>
        LatinHypercube.Sample(samples, dimensions, new RandomStreams(seed).For("test", 0, "latin-hypercube"));

    [Fact]
    public void A_latin_hypercube_puts_exactly_one_point_in_each_stratum_of_every_input()
    {
        var points = Hypercube(37, 5);
        Assert.Equal(37, points.Length);
        for (var d = 0; d < 5; d++)
        {
            Assert.All(points, p => Assert.InRange(p[d], 1e-12, 1 - 1e-12));
            Assert.Equal(Enumerable.Range(0, 37), points.Select(p => (int)Math.Floor(p[d] * 37)).Order());
        }
        // The strata are shuffled per input: the inputs are not all in the same order.
        Assert.NotEqual(points.Select(p => (int)(p[0] * 37)), points.Select(p => (int)(p[1] * 37)));
        Assert.Equal(points, Hypercube(37, 5));
        Assert.NotEqual(points, Hypercube(37, 5, seed: 12));
    }

    [Fact]
    public void A_range_of_whole_numbers_gives_each_number_an_equal_share_of_the_points()
    {
        var input = new ExploredInput("shells", "$.x", "$.x", new Distribution { Dist = "uniform", With = new Dictionary<string, double> { ["min"] = 1, ["max"] = 4 } },
            FromRange: true, Whole: true, new DrawRange(1, 1000, false, "a whole number"), InH100e: false, ReplacesUncertain: false);
        var values = Hypercube(40, 1).Select(p => input.ValueAt(p[0])).ToList();
        Assert.Equal([1.0, 2, 3, 4], values.Distinct().Order());
        Assert.All(values.GroupBy(v => v), g => Assert.Equal(10, g.Count()));
    }

    [Theory]
    [InlineData("""{ "dist": "uniform", "min": 2, "max": 5 }""")]
    [InlineData("""{ "dist": "normal", "mean": 3, "stdDev": 0.5 }""")]
    [InlineData("""{ "dist": "logNormal", "mu": 1, "sigma": 0.4 }""")]
    [InlineData("""{ "dist": "gamma", "shape": 2, "rate": 1.5 }""")]
    [InlineData("""{ "dist": "pareto", "scale": 1, "shape": 3 }""")]
    [InlineData("""{ "dist": "triangular", "min": 1, "max": 6, "mode": 2 }""")]
    public void A_quantile_is_where_the_distribution_reaches_that_share(string json)
    {
        var distribution = System.Text.Json.JsonSerializer.Deserialize<Distribution>(json)!;
        var sample = Enumerable.Range(0, 20_000).Select(i => distribution.Sample(new RandomStreams(5).For("q", i, "sample"))).Order().ToList();
        foreach (var p in new[] { 0.05, 0.25, 0.5, 0.9 })
            Assert.InRange(distribution.Quantile(p), sample[(int)(p * sample.Count)] * 0.95 - 0.02, sample[(int)(p * sample.Count)] * 1.05 + 0.02);
    }

    [Fact]
    public void Partial_rank_correlation_finds_a_monotone_driver_a_falling_one_and_sees_nothing_in_noise()
    {
        var points = Hypercube(300, 3);
        var noise = new RandomStreams(3).For("noise", 0, "test");
        // Strongly non-linear in x0 (PRCC is for monotone relations), falling in x2, nothing to do with x1.
        var outcome = points.Select(p => Math.Exp(5 * p[0]) - 30 * p[2] + Normal.Sample(noise, 0, 3)).ToList();
        var prcc = PartialRankCorrelation.Of(points, outcome);
        Assert.True(prcc[0].Value > 0.9, $"driver: {prcc[0]}");
        Assert.True(prcc[0].PValue < 1e-6, $"driver: {prcc[0]}");
        Assert.True(prcc[2].Value < -0.5, $"falling: {prcc[2]}");
        Assert.True(Math.Abs(prcc[1].Value) < 0.15, $"noise: {prcc[1]}");
        Assert.True(prcc[1].PValue > 0.01, $"noise: {prcc[1]}");
    }

    [Fact]
    public void Partial_rank_correlation_is_not_measured_where_nothing_varies()
    {
        var points = Hypercube(50, 2).Select(p => new[] { p[0], 0.5, p[1] }).ToArray();
        var prcc = PartialRankCorrelation.Of(points, points.Select(p => p[0] + p[2]).ToList());
        Assert.True(prcc[0].Measured && prcc[2].Measured);
        Assert.False(prcc[1].Measured); // the input that did not vary
        Assert.All(PartialRankCorrelation.Of(points, points.Select(_ => 1.0).ToList()), r => Assert.False(r.Measured)); // nor did the outcome
        Assert.All(PartialRankCorrelation.Of(points.Take(3).ToArray(), [1.0, 2, 3]), r => Assert.False(r.Measured)); // too few points
    }

    /// <summary>1,000 points in 4 inputs; the cases are the points with x0 below 0.3 and x1 above 0.6 (12% of them), some flipped.</summary>
    private static PrimData Planted(double flip = 0)
    {
        var points = Hypercube(1000, 4);
        var random = new RandomStreams(9).For("flip", 0, "test");
        var cases = points.Select(p => (p[0] < 0.3 && p[1] > 0.6) ^ (random.NextDouble() < flip)).ToList();
        return new PrimData(points, cases);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.05)]
    public void PRIM_recovers_a_planted_box_and_only_its_inputs(double flip)
    {
        var data = Planted(flip);
        var trajectory = PatientRuleInduction.Peel(data);
        Assert.Equal(1.0, trajectory[0].Coverage);
        Assert.Equal(1.0, trajectory[0].Mass);
        // Peeling trades coverage for density.
        Assert.True(trajectory[^1].Density > trajectory[0].Density);
        var box = PatientRuleInduction.Prune(data, trajectory[PatientRuleInduction.Choose(trajectory)]);
        Assert.Equal([0, 1], box.Restricted(data));
        Assert.InRange(box.Upper[0], 0.26, 0.34);
        Assert.InRange(box.Lower[1], 0.56, 0.64);
        Assert.Equal(data.Min.Skip(2), box.Lower.Skip(2)); // x2 and x3 unlimited
        Assert.Equal(data.Max.Skip(2), box.Upper.Skip(2));
        // Flipped points are cases scattered everywhere: no box holds them; the planted box's share of the cases is the most there is.
        var planted = data.Box([data.Min[0], 0.6, data.Min[2], data.Min[3]], [0.3, data.Max[1], data.Max[2], data.Max[3]]);
        Assert.True(box.Coverage > 0.9 * planted.Coverage, $"coverage {box.Coverage} of at most {planted.Coverage}");
        Assert.True(box.Density > (flip == 0 ? 0.95 : 0.8), $"density {box.Density}");
        Assert.All(PatientRuleInduction.Restrictions(data, box), r => Assert.True(r.QuasiP < 1e-6, $"{r}"));
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    [InlineData(4UL)]
    [InlineData(5UL)]
    public void PRIM_does_not_peel_a_whole_value_of_an_input_that_does_not_matter(ulong seed)
    {
        // The cases are the points with x0 below 0.3; x1 takes the whole numbers 0 to 2 and does not matter. Peeling a
        // value of x1 takes a third of the points at once: by chance that third may hold a few fewer cases, and a
        // densest-box rule would then take it for a gain a 5% slice of x0 beats point for point.
        var points = Hypercube(600, 2, seed).Select(p => (IReadOnlyList<double>)[p[0], Math.Floor(p[1] * 3)]).ToList();
        var data = new PrimData(points, points.Select(p => p[0] < 0.3).ToList());
        var trajectory = PatientRuleInduction.Peel(data);
        Assert.All(trajectory, box => Assert.Equal([0.0, 2.0], [box.Lower[1], box.Upper[1]]));
        Assert.InRange(trajectory[PatientRuleInduction.Choose(trajectory)].Upper[0], 0.27, 0.33);
    }

    [Fact]
    public void PRIM_without_pruning_limits_inputs_by_chance_and_their_quasi_p_values_say_so()
    {
        // A box peeled on an input that does not matter: its limit there has a large quasi-p-value and pruning drops it.
        var data = Planted();
        var planted = data.Box([data.Min[0], 0.6, 0.3, data.Min[3]], [0.3, data.Max[1], data.Max[2], data.Max[3]]);
        var restrictions = PatientRuleInduction.Restrictions(data, planted);
        Assert.Equal([0, 1, 2], restrictions.Select(r => r.Input));
        Assert.True(restrictions.Single(r => r.Input == 2).QuasiP > 0.05);
        Assert.Equal([0, 1], PatientRuleInduction.Prune(data, planted).Restricted(data));
    }

    [Fact]
    public void Pasting_widens_a_box_while_that_raises_its_density()
    {
        var data = Planted();
        // Cut short at x0 >= 0.1 and run on to x0 <= 0.6: half the box is outside the planted one.
        var cut = data.Box([0.1, 0.7, data.Min[2], data.Min[3]], [0.6, data.Max[1], data.Max[2], data.Max[3]]);
        var pasted = PatientRuleInduction.Paste(data, cut);
        Assert.True(pasted.Density > cut.Density);
        Assert.Equal(data.Min[0], pasted.Lower[0]); // the pure slice below 0.1 is taken back in
        Assert.Equal(0.6, pasted.Upper[0]); // pasting never narrows
        Assert.Equal(pasted, PatientRuleInduction.Paste(data, pasted)); // and stops where density would fall
    }

    [Fact]
    public void The_box_chosen_balances_coverage_and_density()
    {
        PrimBox Box(double coverage, double density) => new([0], [1], 10, 5, coverage, density, 0.5);
        Assert.Equal(1, PatientRuleInduction.Choose([Box(1, 0.1), Box(0.9, 0.9), Box(0.5, 1)]));
        Assert.Equal(0, PatientRuleInduction.Choose([Box(0.8, 0.8), Box(0.8, 0.8)]));
    }
}
