using SupplyChainSim.Model.Regimes;
using SupplyChainSim.Model.Regimes.Rules;
using SupplyChainSim.Model.Scenarios;

namespace SupplyChainSim.Model.Tests;

public class ScenarioOverrideTests
{
    private static readonly string Piecemeal = Paths.Scenario("piecemeal-2025.json");

    [Fact]
    public void A_path_reads_with_or_without_its_root_and_values_split_only_at_top_level_commas()
    {
        Assert.Equal("$.regime.rules[3].allowanceTpp", ScenarioOverride.Parse("regime.rules[3].allowanceTpp=1").Path);
        Assert.Equal("$.regime.rules[3].allowanceTpp", ScenarioOverride.Parse("$.regime.rules[3].allowanceTpp=1").Path);
        var (path, values) = ScenarioOverride.ParseMany("$.x=100, 2.5,\"a,b\",[1,2],{\"k\":1},true,plain");
        Assert.Equal("$.x", path);
        Assert.Equal(["100", "2.5", "\"a,b\"", "[1,2]", "{\"k\":1}", "true", "\"plain\""], values.Select(v => v.ValueText));
    }

    [Fact]
    public void The_value_is_laid_over_the_merged_extends_chain_and_the_rest_is_unchanged()
    {
        // piecemeal-2025 has no regime of its own: its rules come from diffusion-rule-2025.json through extends.
        var plain = ScenarioLoader.Load(Piecemeal);
        var set = ScenarioLoader.Load(Piecemeal, [ScenarioOverride.Parse("regime.rules[3].allowanceTpp=7915600")]);
        Assert.Equal(7_915_600, Assert.IsType<LppExemption>(set.Spec.Regime.Rules[3]).AllowanceTpp);
        Assert.Equal(26_900_000, Assert.IsType<LppExemption>(plain.Spec.Regime.Rules[3]).AllowanceTpp);
        Assert.Equal(plain.Spec.Months, set.Spec.Months);
        Assert.Equal(plain.Spec.Regime.Rules.Count, set.Spec.Regime.Rules.Count);
        Assert.Equal(32, plain.Spec.Months);
        Assert.Equal(7, ScenarioLoader.Load(Piecemeal, [ScenarioOverride.Parse("months=7")]).Spec.Months);
    }

    [Theory]
    [InlineData("regime.rules[3].allowanceTpp=\"lots\"", "--set $.regime.rules[3].allowanceTpp=\"lots\": $.regime.rules[3].allowanceTpp: expected a number above 0, up to 15,831,200,000,000, found \"lots\"")]
    [InlineData("regime.rules[3].allowanceTpp=-5", "--set $.regime.rules[3].allowanceTpp=-5: $.regime.rules[3].allowanceTpp: expected a number above 0, up to 15,831,200,000,000, found -5")]
    [InlineData("regime.rules[3].alowanceTpp=5", "--set $.regime.rules[3].alowanceTpp=5: $.regime.rules[3].alowanceTpp: unknown key \"alowanceTpp\"; did you mean \"allowanceTpp\"?")]
    [InlineData("regime.rulez[0].from=\"2025-01\"", "--set $.regime.rulez[0].from=\"2025-01\": $.regime.rulez[0].from: $.regime has no key \"rulez\" (after extends are merged); its keys are rules")]
    [InlineData("regime.rules[7].from=\"2025-01\"", "--set $.regime.rules[7].from=\"2025-01\": $.regime.rules[7].from: $.regime.rules has 5 items; index 7 is out of range")]
    [InlineData("regime.rules[99999999999].from=\"2025-01\"", "--set $.regime.rules[99999999999].from=\"2025-01\": $.regime.rules[99999999999].from: $.regime.rules has 5 items; index 99999999999 is out of range")]
    [InlineData("enforcement.hubCustomsDetection=1e309", "--set $.enforcement.hubCustomsDetection=1e309: $.enforcement.hubCustomsDetection: expected a probability from 0 to 1, found 1e309")]
    [InlineData("months=9999", "--set $.months=9999: $.months: expected a whole number from 1 to 1,200, found 9999")]
    [InlineData("months.first=1", "--set $.months.first=1: $.months.first: $.months is the value 32, not an object; cannot set its key \"first\"")]
    [InlineData("regime..rules=1", "--set: $.regime..rules: expected a JSON path of keys and indexes, like $.regime.rules[3].allowanceTpp")]
    public void A_bad_value_or_path_is_reported_at_set_not_in_a_file(string assignment, string expected)
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(Piecemeal, [ScenarioOverride.Parse(assignment)]));
        Assert.Contains(expected, error.Errors.Where(e => !e.IsWarning).Select(e => e.ToString()));
    }
}
