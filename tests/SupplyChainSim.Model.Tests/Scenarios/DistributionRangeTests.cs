using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Model.Worlds;
using SupplyChainSim.ScenarioFiles;

namespace SupplyChainSim.Model.Tests;

/// <summary>
/// A distribution's parameters keep its draws finite and centred in its key's range; what a heavy tail can still draw
/// beyond the range is checked draw by draw when the world is built.
/// </summary>
public class DistributionRangeTests
{
    private const string World = """
        {
          "formatVersion": 1, "name": "draws", "seed": 3, "start": "2025-01", "months": 6,
          "chipmakers": [ { "id": "NVIDIA", "capacity": { "H100-SXM": 1000, "H20": 1000 } } ],
          "dataCentres": { "generate": [
            { "count": 200, "countryWeights": { "US": 1, "CN": 1 }, "chipModels": { "H100-SXM": 1 }, "targetH100e": TARGET }
          ] },
          "intermediaries": { "generate": [
            { "count": 50, "hubWeights": { "SG": 1 }, "buyerCountries": [ "CN" ], "chipModels": { "H100-SXM": 1 }, "chipsPerOrder": 10,
              "delayMonths": DELAY, "markup": MARKUP }
          ] }
        }
        """;

    private static string With(string target = "100", string delay = "1", string markup = "0.3") =>
        World.Replace("TARGET", target).Replace("DELAY", delay).Replace("MARKUP", markup);

    [Theory]
    [InlineData("{ \"dist\": \"logNormal\", \"mu\": 1000, \"sigma\": 1 }", "mu", "expected -100 to 20.7233 (the median e^mu must be at most 1,000,000,000), found 1,000")]
    [InlineData("{ \"dist\": \"logNormal\", \"mu\": 5, \"sigma\": 50 }", "sigma", "expected 0 to 10, found 50")]
    [InlineData("{ \"dist\": \"pareto\", \"scale\": 10, \"shape\": 1e-300 }", "shape", "expected 1 to 1,000,000 (below 1 its mean is infinite), found 1E-300")]
    [InlineData("{ \"dist\": \"gamma\", \"shape\": 1, \"rate\": 1e-300 }", "rate", "expected a mean (shape / rate) of at most 1,000,000,000, found 1E+300")]
    [InlineData("{ \"dist\": \"normal\", \"mean\": 1e12, \"stdDev\": 1 }", "mean", "expected 0 to 1,000,000,000 (a number from 0 to 1,000,000,000), found 1,000,000,000,000")]
    [InlineData("{ \"dist\": \"uniform\", \"min\": 1, \"max\": 1e300 }", "max", "expected 0 to 1,000,000,000 (a number from 0 to 1,000,000,000), found 1E+300")]
    [InlineData("{ \"dist\": \"constant\", \"value\": -1 }", "value", "expected a number from 0 to 1,000,000,000, found -1")]
    public void Parameters_that_could_draw_infinite_or_absurd_values_are_errors_at_the_parameter(string distribution, string parameter, string message)
    {
        var error = Assert.Single(Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(With(target: distribution), "draws.json")).Errors);
        Assert.Equal($"$.dataCentres.generate[0].targetH100e.{parameter}: {message}", $"{error.JsonPath}: {error.Message}");
        Assert.Matches(@"^draws\.json:5:\d+: ", error.ToString());
    }

    [Theory]
    [InlineData("delay", "{ \"dist\": \"normal\", \"mean\": 1, \"stdDev\": 3, \"minimum\": -10 }", "delayMonths.minimum", "expected 0 to 120 (draws below it are raised to it), found -10")]
    [InlineData("delay", "-1", "delayMonths", "expected a number from 0 to 120, found -1")]
    [InlineData("markup", "-0.3", "markup", "expected a fraction from 0 to 10, found -0.3")]
    [InlineData("markup", "{ \"dist\": \"uniform\", \"min\": -1, \"max\": 1 }", "markup.min", "expected 0 to 10 (a fraction from 0 to 10), found -1")]
    public void Generated_intermediaries_cannot_be_given_a_negative_delay_or_markup(string key, string value, string path, string message)
    {
        var json = key == "delay" ? With(delay: value) : With(markup: value);
        var error = Assert.Single(Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(json, "draws.json")).Errors);
        Assert.Equal($"$.intermediaries.generate[0].{path}: {message}", $"{error.JsonPath}: {error.Message}");
    }

    [Fact]
    public void Draws_a_heavy_tail_takes_beyond_the_key_s_range_stop_the_world_being_built()
    {
        // pareto(1e8, 1): a tenth of the draws are above 1,000,000,000 H100e, though the parameters are in range.
        var scenario = ScenarioLoader.Parse(With(target: "{ \"dist\": \"pareto\", \"scale\": 100000000, \"shape\": 1 }"), "draws.json");
        var error = Assert.Single(Assert.Throws<ScenarioException>(() => WorldBuilder.Build(scenario)).Errors);
        Assert.Equal("$.dataCentres.generate[0].targetH100e", error.JsonPath);
        Assert.Matches(@"^expected draws of a number from 0 to 1,000,000,000, found [0-9,.E+]+ for ""dc-\d{3}"" \(\d+ of 200 draws out of range\): narrow the distribution$", error.Message);
    }

    [Fact]
    public void Draws_inside_the_range_build_the_same_world_as_before()
    {
        var world = WorldBuilder.Build(ScenarioLoader.Parse(With(target: "{ \"dist\": \"logNormal\", \"mu\": 5, \"sigma\": 1 }", delay: "{ \"dist\": \"uniform\", \"min\": 0, \"max\": 3 }"), "draws.json"));
        var brokers = world.IntermediaryBlocks.SelectMany(b => b.Members).Select(p => p.Spec).ToList();
        Assert.Equal(50, brokers.Count);
        Assert.All(brokers, b => Assert.InRange(b.DelayMonths, 0, 3));
        Assert.All(world.DataCentreBlocks.SelectMany(b => b.Sites), s => Assert.InRange(s.TargetH100e, 0, 1e9));
    }
}
