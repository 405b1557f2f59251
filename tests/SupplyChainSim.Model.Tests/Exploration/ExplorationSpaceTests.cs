using SupplyChainSim.Model.Breaches;
using SupplyChainSim.Model.Exploration;
using SupplyChainSim.Model.MonteCarlo;
using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.ScenarioFiles;

namespace SupplyChainSim.Model.Tests;

/// <summary>A scenario's `uncertainties` section: checked like the rest of the file, and laid into the scenario at each point.</summary>
public class ExplorationSpaceTests
{
    /// <summary>The hand-computed world with an uncertain customs rate, an LPP rule, and the given uncertainties.</summary>
    private static string With(string uncertainties) =>
        TestWorlds.HandComputed
            .Replace("\"months\": 6,", "\"months\": 6,\n  \"enforcement\": { \"hubCustomsDetection\": { \"dist\": \"uniform\", \"min\": 0.1, \"max\": 0.2 } },\n" +
                "  \"regime\": { \"rules\": [ { \"rule\": \"baseline-3A090\" }, { \"rule\": \"lpp-exemption\", \"label\": \"lpp\" } ] },")
            .Replace("\"shells\": 2,", "\"shells\": { \"dist\": \"uniform\", \"min\": 1, \"max\": 4 },")
            .TrimEnd().TrimEnd('}') + $",\n  \"uncertainties\": [\n{uncertainties}\n  ]\n}}";

    private const string Valid = """
            { "name": "customs detection", "path": "enforcement.hubCustomsDetection", "min": 0, "max": 0.5 },
            { "name": "shells", "path": "$.intermediaries.list[sg-broker].shells" },
            { "name": "US target", "path": "$.dataCentres.sites[us-site].targetH100e", "distribution": { "dist": "triangular", "min": 10, "max": 40, "mode": 20 } },
            { "name": "LPP allowance", "path": "$.regime.rules[lpp].allowanceH100e", "min": 100, "max": 2000 }
        """;

    [Fact]
    public void Each_entry_is_resolved_to_the_number_it_names_with_the_range_of_that_number()
    {
        var inputs = ExplorationSpace.Of(ScenarioLoader.Parse(With(Valid)));
        Assert.Equal(["customs detection", "shells", "US target", "LPP allowance"], inputs.Select(i => i.Name));
        Assert.Equal(["$.enforcement.hubCustomsDetection", "$.intermediaries.list[0].shells", "$.dataCentres.sites[0].targetH100e", "$.regime.rules[1].allowanceTpp"],
            inputs.Select(i => i.ResolvedPath));
        Assert.Equal([false, true, false, false], inputs.Select(i => i.Whole));
        // Two paths hold uncertain inputs: the point fixes them; the entry without a range samples the distribution there.
        Assert.Equal([true, true, false, false], inputs.Select(i => i.ReplacesUncertain));
        Assert.Equal("uniform (min 1, max 4)", inputs[1].Sampled);
        Assert.Equal("0 to 0.5", inputs[0].Sampled);
        Assert.True(inputs[3].InH100e);
        Assert.Equal(7_915_600.0, inputs[3].Json(500).GetValue<double>()); // H100e set as TPP, as the loader converts it
    }

    [Fact]
    public void A_point_lays_its_values_into_the_scenario_and_the_other_uncertain_inputs_are_still_drawn()
    {
        var scenario = ScenarioLoader.Parse(With("""{ "name": "customs", "path": "enforcement.hubCustomsDetection", "min": 0.3, "max": 0.5 }"""));
        var input = Assert.Single(ExplorationSpace.Of(scenario));
        var point = scenario.At([(input.ResolvedPath, input.Json(0.42))]);
        Assert.Equal(0.42, point.Spec.Enforcement.HubCustomsDetection);
        Assert.Equal(["$.intermediaries.list[0].shells"], point.Uncertain.Select(u => u.Path));
        var replications = Enumerable.Range(0, 30).Select(i => point.WithSeed(ReplicationSeeds.For(1, i))).ToList();
        Assert.All(replications, r => Assert.Equal(0.42, r.Spec.Enforcement.HubCustomsDetection));
        Assert.True(replications.Select(r => r.Spec.Intermediaries.List[0].Shells).Distinct().Count() > 1, "shells are still drawn per replication");
        // The same replication seed draws the same shells at every point: points differ only by what they set.
        Assert.Equal(scenario.WithSeed(ReplicationSeeds.For(1, 5)).Spec.Intermediaries.List[0].Shells, replications[5].Spec.Intermediaries.List[0].Shells);
        // A scenario without uncertain inputs left is read again all the same.
        var fixedShells = scenario.At([(input.ResolvedPath, input.Json(0.3)), ("$.intermediaries.list[0].shells", System.Text.Json.Nodes.JsonValue.Create(3))]);
        Assert.Empty(fixedShells.Uncertain);
        Assert.Equal(3, fixedShells.WithSeed(99).Spec.Intermediaries.List[0].Shells);
    }

    [Theory]
    [InlineData("""{ "name": "c", "path": "enforcement.hubCustomsDetection", "min": 0.1, "max": 1.5 }""",
        "$.uncertainties[0].max", "expected a probability from 0 to 1 (the range of $.enforcement.hubCustomsDetection), found 1.5")]
    [InlineData("""{ "name": "c", "path": "$.enforcement.customs", "min": 0.1, "max": 0.5 }""",
        "$.uncertainties[0].path", "$.enforcement has no key \"customs\" a scenario may set")]
    [InlineData("""{ "name": "c", "path": "$.regime.rules[lpp-500].allowanceTpp", "min": 1, "max": 2 }""",
        "$.uncertainties[0].path", "$.regime.rules has no item labelled or named \"lpp-500\"")]
    [InlineData("""{ "name": "c", "path": "$.dataCentres.sites[0].country", "min": 1, "max": 2 }""",
        "$.uncertainties[0].path", "$.dataCentres.sites[0].country is not a number")]
    [InlineData("""{ "name": "c", "path": "$.seed", "min": 1, "max": 2 }""", "$.uncertainties[0].path", "$.seed says what the run is")]
    [InlineData("""{ "name": "c", "path": "$.breachThresholdsH100e[0]", "min": 1, "max": 2 }""", "$.uncertainties[0].path", "defines what explore measures")]
    [InlineData("""{ "name": "c", "path": "enforcement.hubCustomsDetection", "min": 0.5, "max": 0.1 }""",
        "$.uncertainties[0].max", "expected a value of at least min (0.5), found 0.1")]
    [InlineData("""{ "name": "c", "path": "enforcement.hubCustomsDetection", "min": 0.1, "max": 0.2, "distribution": 0.1 }""",
        "$.uncertainties[0]", "not both")]
    [InlineData("""{ "name": "c", "path": "enforcement.hubCustomsDetection", "min": 0.1 }""", "$.uncertainties[0]", "missing \"max\"")]
    [InlineData("""{ "name": "c", "path": "intermediaries.list[0].shells", "min": 1.5, "max": 3 }""", "$.uncertainties[0].min", "expected a whole number")]
    [InlineData("""{ "name": "c", "path": "enforcement.hubCustomsDetection", "distribution": { "dist": "normal", "mean": 2, "stdDev": 0.1 } }""",
        "$.uncertainties[0].distribution.mean", "expected 0 to 1 (a probability from 0 to 1) (the range of $.enforcement.hubCustomsDetection), found 2")]
    [InlineData("""{ "name": "c", "path": "regime.rules[lpp].allowanceH100e", "min": 0, "max": 10 }""",
        "$.uncertainties[0].min", "expected an amount in H100e above 0, up to 1,000,000,000")]
    [InlineData("""{ "name": "", "path": "enforcement.hubCustomsDetection", "min": 0.1, "max": 0.2 }""", "$.uncertainties[0].name", "expected a name for the input")]
    [InlineData("""{ "name": "smuggledH100eMean", "path": "enforcement.hubCustomsDetection", "min": 0.1, "max": 0.2 }""",
        "$.uncertainties[0].name", "is a column explore.csv gives the outcomes")]
    [InlineData("""{ "name": "c", "path": "enforcement.hubCustomsDetection", "min": 0.1, "max": 0.2, "step": 0.1 }""",
        "$.uncertainties[0].step", "unknown key \"step\"")]
    public void A_bad_entry_is_an_error_at_its_place_in_the_file(string entry, string path, string message)
    {
        var error = Assert.Single(Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(With(entry))).Errors);
        Assert.Equal(path, error.JsonPath);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Matches(@"^scenario\.json:\d+:\d+: ", error.ToString());
    }

    [Fact]
    public void An_entry_whose_path_holds_a_number_and_no_range_is_left_fixed()
    {
        // As when a scenario fixes, in its own file or with --set, an input the world it extends leaves uncertain.
        var scenario = ScenarioLoader.Parse(With("""
            { "name": "c", "path": "dataCentres.sites[0].targetH100e" },
            { "name": "d", "path": "enforcement.hubCustomsDetection", "min": 0.1, "max": 0.2 }
            """));
        Assert.Empty(scenario.Warnings);
        Assert.Equal(["d"], ExplorationSpace.Of(scenario).Select(i => i.Name));
    }

    [Fact]
    public void Two_entries_may_not_share_a_name_or_vary_one_value()
    {
        var errors = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(With("""
            { "name": "c", "path": "enforcement.hubCustomsDetection", "min": 0.1, "max": 0.2 },
            { "name": "c", "path": "intermediaries.list[0].chipsPerOrder", "min": 1, "max": 20 },
            { "name": "d", "path": "regime.rules[1].allowanceTpp", "min": 1, "max": 20 },
            { "name": "e", "path": "regime.rules[lpp-exemption].allowanceTpp", "min": 1, "max": 20 }
            """))).Errors;
        Assert.Equal(["$.uncertainties[1].name", "$.uncertainties[3].path"], errors.Select(e => e.JsonPath));
        Assert.Contains("duplicate name \"c\" (first at $.uncertainties[0].name)", errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("varies the same value as $.uncertainties[2] ($.regime.rules[1].allowanceTpp)", errors[1].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("any", null, null)]
    [InlineData("unlawful-compute", "unlawful-compute", null)]
    [InlineData("unlawful-compute:1000", "unlawful-compute", 1000.0)]
    public void The_outcome_sought_is_any_breach_a_kind_or_a_kind_at_one_of_its_thresholds(string text, string? kind, double? threshold)
    {
        var (target, problem) = ExploreTarget.Parse(text, BreachThresholds.Default);
        Assert.Null(problem);
        Assert.Equal(new ExploreTarget(kind, threshold), target);
        Assert.Equal(text, target!.Option);
    }

    [Theory]
    [InlineData("unlawful", "did you mean \"unlawful-compute\"?")]
    [InlineData("no-clustering:50", "no-clustering is measured at 100, 1000, 10000 H100e")]
    public void An_outcome_the_scenario_does_not_measure_says_what_it_does(string text, string message)
    {
        var (target, problem) = ExploreTarget.Parse(text, BreachThresholds.Default);
        Assert.Null(target);
        Assert.Contains(message, problem, StringComparison.Ordinal);
    }
}
