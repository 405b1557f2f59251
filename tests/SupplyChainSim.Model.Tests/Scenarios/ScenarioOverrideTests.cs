using System.Text.Json.Nodes;
using SupplyChainSim.Model.Regimes.Rules;
using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Model.Units;
using SupplyChainSim.ScenarioFiles;

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
    [InlineData("regime..rules=1", "--set: $.regime..rules: expected a JSON path of keys and indexes or names, like $.regime.rules[3].allowanceTpp or $.regime.rules[lpp-exemption].allowanceTpp")]
    public void A_bad_value_or_path_is_reported_at_set_not_in_a_file(string assignment, string expected)
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(Piecemeal, [ScenarioOverride.Parse(assignment)]));
        Assert.Contains(expected, error.Errors.Where(e => !e.IsWarning).Select(e => e.ToString()));
    }

    [Fact]
    public void A_rule_is_addressed_by_its_rule_name_or_label_as_well_as_its_index()
    {
        var byName = ScenarioLoader.Load(Piecemeal, [ScenarioOverride.Parse("regime.rules[lpp-exemption].allowanceTpp=7915600")]);
        Assert.Equal(7_915_600, Assert.IsType<LppExemption>(byName.Spec.Regime.Rules[3]).AllowanceTpp);
        var set = Assert.Single(byName.Overrides);
        Assert.Equal("$.regime.rules[lpp-exemption].allowanceTpp", set.Path);
        Assert.Equal("$.regime.rules[3].allowanceTpp", set.ResolvedPath);
        // threshold-500 labels its rule 1 "D1-D4-licence".
        var byLabel = ScenarioLoader.Load(Paths.Scenario("threshold-500.json"), [ScenarioOverride.Parse("regime.rules[D1-D4-licence].until=\"2025-02\"")]);
        Assert.Equal(new YearMonth(2025, 2), byLabel.Spec.Regime.Rules[1].Until);
        // Agents are named by their id.
        var byId = ScenarioLoader.Load(Piecemeal, [ScenarioOverride.Parse("intermediaries.list[sg-network-1].shells=2")]);
        Assert.Equal(2, byId.Spec.Intermediaries.List.Single(i => i.Id == "sg-network-1").Shells);
        Assert.StartsWith("$.intermediaries.list[", Assert.Single(byId.Overrides).ResolvedPath);
    }

    [Fact]
    public void A_label_wins_over_a_rule_name_and_an_ambiguous_or_unknown_name_lists_the_rules()
    {
        JsonObject Rules() => JsonNode.Parse("""
            { "regime": { "rules": [
              { "rule": "lpp-exemption" }, { "rule": "country-cap", "label": "lpp-exemption" }, { "rule": "baseline-3A090" }, { "rule": "baseline-3A090" }
            ] } }
            """)!.AsObject();
        Assert.Equal("$.regime.rules[1].from", ScenarioOverride.Parse("regime.rules[lpp-exemption].from=\"2025-01\"").ApplyTo(Rules()).ResolvedPath);
        Assert.Equal("$.regime.rules[0].from", ScenarioOverride.Parse("regime.rules[0].from=\"2025-01\"").ApplyTo(Rules()).ResolvedPath);

        const string listed = "its items are [0] lpp-exemption; [1] country-cap label \"lpp-exemption\"; [2] baseline-3A090; [3] baseline-3A090";
        var ambiguous = Assert.Throws<ScenarioException>(() => ScenarioOverride.Parse("regime.rules[baseline-3A090].from=\"2025-01\"").ApplyTo(Rules()));
        Assert.Equal("--set: $.regime.rules[baseline-3A090].from: $.regime.rules[baseline-3A090] is ambiguous: 2 items have the rule name \"baseline-3A090\" ([2], [3]); " +
            $"give the index or a label; {listed}", Assert.Single(ambiguous.Errors).ToString());
        var unknown = Assert.Throws<ScenarioException>(() => ScenarioOverride.Parse("regime.rules[lpp].from=\"2025-01\"").ApplyTo(Rules()));
        Assert.Equal($"--set: $.regime.rules[lpp].from: $.regime.rules has no item labelled or named \"lpp\"; {listed}", Assert.Single(unknown.Errors).ToString());

        // Through the loader the error is the option's, naming the value given.
        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(Piecemeal, [ScenarioOverride.Parse("regime.rules[lpp].allowanceTpp=1")]));
        Assert.StartsWith("--set $.regime.rules[lpp].allowanceTpp=1: $.regime.rules[lpp].allowanceTpp: $.regime.rules has no item labelled or named \"lpp\"; " +
            "its items are [0] baseline-3A090; [1] destination-licence label \"D1-D4-licence\"; [2] diffusion-tiers; [3] lpp-exemption; [4] country-cap",
            Assert.Single(error.Errors).ToString());
    }

    [Fact]
    public void A_TPP_setting_given_in_H100e_is_converted_exactly_and_replaces_the_inherited_TPP_value()
    {
        // diffusion-rule-2025.json, which piecemeal-2025 extends, gives the allowance as allowanceTpp: the H100e value set replaces it.
        var set = ScenarioLoader.Load(Piecemeal, [ScenarioOverride.Parse("$.regime.rules[lpp-exemption].allowanceH100e=500")]);
        Assert.Equal(7_915_600, Assert.IsType<LppExemption>(set.Spec.Regime.Rules[3]).AllowanceTpp);
        Assert.Equal(Tpp.FromH100e(500), Tpp.FromTpp(((LppExemption)set.Spec.Regime.Rules[3]).AllowanceTpp));
        var fraction = ScenarioLoader.Load(Piecemeal, [ScenarioOverride.Parse("regime.rules[3].allowanceH100e=1699.2")]);
        Assert.Equal(Tpp.FromH100e(1699.2).Value, ((LppExemption)fraction.Spec.Regime.Rules[3]).AllowanceTpp);
        Assert.Equal(26_900_375.1, ((LppExemption)fraction.Spec.Regime.Rules[3]).AllowanceTpp);
        var cap = ScenarioLoader.Load(Piecemeal, [ScenarioOverride.Parse("regime.rules[country-cap].capH100e=49901")]);
        Assert.Equal(49_901 * 15_831.2, ((CountryCap)cap.Spec.Regime.Rules[4]).CapTpp, 6);
    }

    [Fact]
    public void A_scenario_file_may_give_a_TPP_setting_in_H100e_but_not_both()
    {
        static string Scenario(string rule) => TestWorlds.HandComputed.Replace("\"months\": 6,", $"\"months\": 6, \"regime\": {{ \"rules\": [ {rule} ] }},");
        var parsed = ScenarioLoader.Parse(Scenario("""{ "rule": "lpp-exemption", "allowanceH100e": 500 }, { "rule": "case-by-case-window", "destinations": ["CN"], "maxH100e": 1 }"""));
        Assert.Equal(7_915_600, Assert.IsType<LppExemption>(parsed.Spec.Regime.Rules[0]).AllowanceTpp);
        Assert.Equal(15_831.2, Assert.IsType<CaseByCaseWindow>(parsed.Spec.Regime.Rules[1]).MaxTpp);

        var both = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(Scenario("""{ "rule": "lpp-exemption", "allowanceTpp": 26900000, "allowanceH100e": 500 }""")));
        Assert.Equal("scenario.json:7:92: $.regime.rules[0].allowanceH100e: the same setting is given twice, as \"allowanceTpp\" and \"allowanceH100e\"; expected one of them",
            Assert.Single(both.Errors, e => !e.IsWarning).ToString());
        var negative = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(Scenario("""{ "rule": "lpp-exemption", "allowanceH100e": -5 }""")));
        Assert.Equal("scenario.json:7:66: $.regime.rules[0].allowanceH100e: expected an amount in H100e above 0, up to 1,000,000,000 (converted to \"allowanceTpp\" at 15,831.2 TPP each), found -5",
            Assert.Single(negative.Errors, e => !e.IsWarning).ToString());
        // Keys that are H100e amounts in their own right stay as they are.
        Assert.Equal(25, ScenarioLoader.Parse(TestWorlds.HandComputed).Spec.DataCentres.Sites[0].TargetH100e);
    }

    [Fact]
    public void An_H100e_value_out_of_range_is_reported_at_set()
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(Piecemeal, [ScenarioOverride.Parse("regime.rules[lpp-exemption].allowanceH100e=\"many\"")]));
        Assert.Equal("--set $.regime.rules[lpp-exemption].allowanceH100e=\"many\": $.regime.rules[3].allowanceH100e: expected an amount in H100e above 0, " +
            "up to 1,000,000,000 (converted to \"allowanceTpp\" at 15,831.2 TPP each), found \"many\"", Assert.Single(error.Errors).ToString());
    }

    [Fact]
    public void A_value_is_written_back_as_JSON_with_its_quotes_and_letters_as_given()
    {
        // Not "say \u0022hi\u0022 \u00E9t\u00E9", as System.Text.Json's HTML-safe default would write it into sweep.csv.
        Assert.Equal("\"say \\\"hi\\\" \u00e9t\u00e9\"", ScenarioOverride.Parse("description=\"say \\\"hi\\\" \u00e9t\u00e9\"").ValueText);
        Assert.Equal("[1,\"<a>\"]", ScenarioOverride.Parse("x=[1, \"<a>\"]").ValueText);
    }

    [Fact]
    public void A_value_with_a_lone_surrogate_escape_is_refused_at_set()
    {
        var error = Assert.Single(Assert.Throws<ScenarioException>(() => ScenarioOverride.Parse("description=\"\\ud800\"")).Errors);
        Assert.StartsWith("--set: $.description: \"\\ud800\": a string with a lone surrogate escape (such as \\ud800 without", error.ToString());
    }
}
