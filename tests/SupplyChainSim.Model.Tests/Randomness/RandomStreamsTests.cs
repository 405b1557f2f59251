using SupplyChainSim.Model.Randomness;

namespace SupplyChainSim.Model.Tests;

public class RandomStreamsTests
{
    [Fact]
    public void A_stream_is_a_pure_function_of_its_key()
    {
        var a = new RandomStreams(42).For("broker-1", 7, "customs");
        var b = new RandomStreams(42).For("broker-1", 7, "customs");
        Assert.Equal(Enumerable.Range(0, 100).Select(_ => a.NextUInt64()), Enumerable.Range(0, 100).Select(_ => b.NextUInt64()));
    }

    [Fact]
    public void Every_part_of_the_key_changes_the_stream()
    {
        var first = new RandomStreams(42).Uniform("broker-1", 7, "customs");
        Assert.NotEqual(first, new RandomStreams(43).Uniform("broker-1", 7, "customs"));
        Assert.NotEqual(first, new RandomStreams(42).Uniform("broker-2", 7, "customs"));
        Assert.NotEqual(first, new RandomStreams(42).Uniform("broker-1", 8, "customs"));
        Assert.NotEqual(first, new RandomStreams(42).Uniform("broker-1", 7, "monitoring"));
        // The separator keeps ("ab", "c") and ("a", "bc") apart.
        Assert.NotEqual(new RandomStreams(1).Uniform("ab", 0, "c"), new RandomStreams(1).Uniform("a", 0, "bc"));
    }

    [Fact]
    public void Draws_are_uniform_and_within_bounds()
    {
        var random = new RandomStreams(7).For("test", 0, "uniformity");
        var draws = Enumerable.Range(0, 200_000).Select(_ => random.NextDouble()).ToList();
        Assert.All(draws, d => Assert.InRange(d, 0.0, 0.9999999999999999));
        Assert.InRange(draws.Average(), 0.497, 0.503);
        var dice = Enumerable.Range(0, 60_000).Select(_ => random.Next(1, 7)).GroupBy(d => d).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal([1, 2, 3, 4, 5, 6], dice.Keys.Order());
        Assert.All(dice.Values, count => Assert.InRange(count, 9_500, 10_500));
    }

    [Fact]
    public void Replication_zero_keeps_the_scenario_seed_and_others_differ()
    {
        Assert.Equal(99UL, RandomStreams.ReplicationSeed(99, 0));
        var seeds = Enumerable.Range(0, 1000).Select(i => RandomStreams.ReplicationSeed(99, i)).ToHashSet();
        Assert.Equal(1000, seeds.Count);
        Assert.Equal(RandomStreams.ReplicationSeed(99, 17), RandomStreams.ReplicationSeed(99, 17));
    }
}
