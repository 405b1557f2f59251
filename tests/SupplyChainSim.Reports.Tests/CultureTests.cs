using System.Globalization;
using SupplyChainSim.Model.Breaches;
using SupplyChainSim.Model.Exploration;
using SupplyChainSim.Model.MonteCarlo;
using SupplyChainSim.Model.Scenarios;

namespace SupplyChainSim.Reports.Tests;

/// <summary>The pages are the same bytes whatever the culture of the process that renders them (chart tick labels included).</summary>
public class CultureTests
{
    private static byte[] Under(string culture, Func<byte[]> render)
    {
        var (saved, savedUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return render();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (saved, savedUi);
        }
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("tr-TR")]
    public async Task Report_compare_sweep_and_explore_pages_are_the_same_bytes_under_another_culture(string culture)
    {
        Assert.Equal("1.000,5", 1000.5.ToString("N1", CultureInfo.GetCultureInfo(culture))); // the culture is real, not invariant
        var (scenario, runs) = await Pages.Piecemeal;
        var summaries = runs.Select((r, i) => ReplicationSummary.Of(i, r)).ToList();
        var outcomes = runs.Select((r, i) => ReplicationOutcome.Of(i, r, scenario.Countries)).ToList();
        var a = RegimeOutcome.Of("7915600", runs[0].Info, outcomes);
        var b = RegimeOutcome.Of("26900000", runs[0].Info, outcomes);
        var parameter = new SweepParameter("$.regime.rules[3].allowanceTpp", "LPP allowance per consignee per year (lpp-exemption)", "H100e",
            ["7915600", "26900000"], [500, 26_900_000 / 15_831.2], 26_900_000 / 15_831.2, "26900000", GivenInTpp: true);
        SweepPoint[] points = [new(a, [0]), new(b, [1])];
        var pages = new Func<byte[]>[]
        {
            () => RunReport.Render(runs[0], summaries),
            () => ComparisonReport.Html([a, b], ["a.json", "b.json"], planned: 2),
            () => ComparisonReport.Csv([a, b], ["a.json", "b.json"]),
            () => ComparisonReport.ReplicationsCsv([a, b], ["a.json", "b.json"]),
            () => SweepReport.Html("s.json", [parameter], points, planned: 2),
            () => SweepReport.Csv([parameter], points),
            () => ExploreReport.Html(Exploration.Run(scenario), Exploration.Of(scenario, summaries)),
            () => ExploreReport.Csv(Exploration.Of(scenario, summaries), Exploration.Thresholds(scenario)),
            () => ExploreReport.SensitivityCsv(Exploration.Of(scenario, summaries)),
            () => ExploreReport.PrimCsv(Exploration.Of(scenario, summaries)),
        };
        foreach (var page in pages)
        {
            var invariant = Under("", page);
            Assert.Equal(invariant, Under(culture, page));
        }
        Assert.Contains("500,000", Pages.Text(Under(culture, pages[0]))); // a tick label of the installed-compute chart
        var explore = Pages.Text(Under(culture, pages[6]));
        Assert.Equal(4, explore.Split("<svg").Length - 1); // the tornado, each input against the outcome, and the pair: tick labels to render
    }
}

/// <summary>An exploration made of the piecemeal runs: each run a future at values of two made-up inputs, so the page has every part.</summary>
internal static class Exploration
{
    public static BreachThresholds Thresholds(ResolvedScenario scenario) =>
        BreachThresholds.From(scenario.Spec.BreachThresholdsH100e, scenario.Spec.BreachThresholdsH100eByKind);

    public static ExploreRun Run(ResolvedScenario scenario) =>
        new(scenario.Spec.Name, "s.json", scenario.Spec.Description, 7, scenario.Spec.Start, scenario.Spec.Months, 1, 40, Thresholds(scenario));

    public static ExplorationAnalysis Of(ResolvedScenario scenario, IReadOnlyList<ReplicationSummary> summaries)
    {
        static ExploredInput Input(string name, double min, double max, bool whole) => new(name, $"$.{name}", $"$.{name}",
            new Distribution { Dist = "uniform", With = new Dictionary<string, double> { ["min"] = min, ["max"] = max } }, true, whole,
            new DrawRange(0, 1_000_000, false, "a number"), false, false);
        ExploredInput[] inputs = [Input("detection", 0.02, 0.4, false), Input("networks", 1, 90, true)];
        // 40 futures, the runs taken in turn, with values in thousands (tick labels and separators are what cultures change).
        var points = Enumerable.Range(0, 40).Select(i => new ExplorePoint(i, [0.02 + 0.0095 * i, 1 + (i * 37 % 90)], [summaries[i % summaries.Count]])).ToList();
        return ExplorationAnalysis.Of(inputs, points, ExploreTarget.AnyBreach, Thresholds(scenario));
    }
}
