using System.Globalization;
using SupplyChainSim.Model.MonteCarlo;
using SupplyChainSim.Model.Units;
using SupplyChainSim.ScenarioFiles;

namespace SupplyChainSim.Reports.Tests;

public class OutcomeTests
{
    private static async Task<(RegimeOutcome Outcome, IReadOnlyList<ReplicationOutcome> Replications)> Outcome(string label)
    {
        var (scenario, runs) = await Pages.Piecemeal;
        var replications = runs.Select((r, i) => ReplicationOutcome.Of(i, r, scenario.Countries)).ToList();
        return (RegimeOutcome.Of(label, runs[0].Info, replications), replications);
    }

    [Fact]
    public async Task An_outcome_row_holds_the_Monte_Carlo_estimates_and_exports_by_the_destination_tier()
    {
        var (scenario, runs) = await Pages.Piecemeal;
        var (outcome, replications) = await Outcome("piecemeal-2025");
        var csv = Pages.Text(ComparisonReport.Csv([outcome], ["scenarios/piecemeal-2025.json"])).Split('\n');
        var header = csv[0].Split(',');
        var row = csv[1].Split(',');
        string Cell(string column) => row[Array.IndexOf(header, column)];
        string Number(double value) => RegimeOutcome.Round(value).ToString(CultureInfo.InvariantCulture);

        var mc = MonteCarloSummary.Of(replications.Select(r => r.Summary).ToList());
        Assert.Equal("3", Cell("replications"));
        Assert.Equal(Number(mc.BreachProbability), Cell("breachProbability"));
        Assert.Equal(Number(MonteCarloSummary.WilsonInterval(mc.ReplicationsWithBreach, 3, 0.95).Lower), Cell("breachProbabilityLower95"));
        Assert.Equal(Number(mc.BreachProbabilityUpper95), Cell("breachProbabilityUpper95"));
        Assert.Equal(mc.FirstBreachMedian.ToString(), Cell("firstBreachMonthMedian"));
        Assert.Equal(Number(mc.SmuggledH100eMean), Cell("smuggledH100eMean"));

        // Licensed and exempt H100e by tier, worked out again from the country rows and the country list.
        foreach (var tier in TierExports.Tiers)
        {
            double Mean(Func<Model.Simulation.CountryMonth, Tpp> flow) => runs.Average(r => r.Months.SelectMany(m => m.Countries)
                .Where(c => scenario.Countries[c.Country].Tier == tier).Aggregate(Tpp.Zero, (s, c) => s + flow(c)).H100e);
            Assert.Equal(Number(Mean(c => c.Licensed.Compute)), Cell($"licensedH100eTier{tier}Mean"));
            Assert.Equal(Number(Mean(c => c.Exempt.Compute)), Cell($"exemptH100eTier{tier}Mean"));
        }
        // Every lawful delivery is in some tier: the tiers add up to the replications' totals.
        Assert.Equal(replications.Average(r => r.Summary.Licensed.H100e), outcome.LicensedMeans.Sum(), 6);
        Assert.Equal(replications.Average(r => r.Summary.Exempt.H100e), outcome.ExemptMeans.Sum(), 6);
    }

    [Fact]
    public async Task The_comparison_page_has_its_charts_and_says_when_it_is_partial()
    {
        var (a, _) = await Outcome("regime-a");
        var (b, _) = await Outcome("regime-b");
        var full = Pages.Text(ComparisonReport.Html([a, b], ["a.json", "b.json"], planned: 2));
        // The paired difference in mean H100e (the runs are the same, so no probability differs and that chart is left
        // out), breach probability and by month, first breach month, the excess by kind, smuggled and seized, licensed
        // and exempt by tier, two timelines.
        Assert.Equal(11, Pages.AssertSelfContained(full).Count);
        Assert.Contains("Every pair of replications agreed on every breach kind and threshold", full);
        Assert.DoesNotContain("Partial", full);
        Assert.Contains("<th>regime-a</th><th>regime-b</th>", full);

        var partial = Pages.Text(ComparisonReport.Html([a], ["a.json", "b.json"], planned: 3));
        Assert.Contains("Partial: stopped after 1 of 3 scenarios", partial);
        Pages.AssertSelfContained(partial);
    }

    /// <summary>A parameter of piecemeal-2025 as the sweep command makes it: its path resolved by loading the scenario with it set.</summary>
    private static SweepParameter Parameter(string assignment)
    {
        var (path, values) = ScenarioOverride.ParseMany(assignment);
        var scenario = Paths.Scenario("piecemeal-2025.json");
        var first = ScenarioLoader.Load(scenario, [values[0]]).Overrides[0];
        return SweepParameter.Of(first.Path, first.ResolvedPath, values.Select(v => v.ValueText).ToList(), ScenarioLoader.Load(scenario));
    }

    [Fact]
    public async Task The_sweep_page_names_the_parameter_in_words_draws_TPP_in_H100e_and_marks_the_policy_value()
    {
        var (low, _) = await Outcome("7915600");
        var (high, _) = await Outcome("26900000");
        var parameter = Parameter("$.regime.rules[3].allowanceTpp=7915600,26900000");
        Assert.Equal("LPP allowance per consignee per year (lpp-exemption)", parameter.Title);
        Assert.Equal("H100e", parameter.Unit);
        Assert.Equal([500.0, 26_900_000 / 15_831.2], parameter.Drawn.Select(d => d!.Value));
        Assert.Equal(26_900_000 / 15_831.2, parameter.Policy!.Value, 9);
        var html = Pages.Text(SweepReport.Html("scenarios/piecemeal-2025.json", [parameter], [new SweepPoint(low, [0]), new SweepPoint(high, [1])], planned: 3));
        // Breach probability, first breach month, the excess by kind, smuggled and seized, lawful exports by tier.
        Assert.Equal(5, Pages.AssertSelfContained(html).Count);
        Assert.Contains("<h1>Sweep of LPP allowance per consignee per year (lpp-exemption)</h1>", html);
        Assert.Contains("LPP allowance per consignee per year (lpp-exemption), H100e", html);
        Assert.Contains("<td>500.0 H100e (7915600 TPP)</td>", html);
        Assert.Contains("<td>1,699.2 H100e (26900000 TPP) (policy)</td>", html);
        Assert.Contains("Dashed: the scenario&#39;s own value, 1,699.2 H100e.", html);
        Assert.Contains("Partial: stopped after 2 of 3 values", html);
        // Points with whiskers, never a band filled between the values run.
        Assert.DoesNotContain("fill-opacity=\"0.2\"", html);

        var csv = Pages.Text(SweepReport.Csv([parameter], [new SweepPoint(low, [0]), new SweepPoint(high, [1])])).Split('\n');
        Assert.StartsWith("$.regime.rules[3].allowanceTpp,scenario,seed,replications,deterministic,", csv[0]);
        Assert.StartsWith("7915600,piecemeal-2025,2025,3,", csv[1]);
        Assert.StartsWith("26900000,piecemeal-2025,2025,3,", csv[2]);
    }

    [Fact]
    public async Task A_grid_has_a_column_per_parameter_and_a_series_per_value_of_the_second()
    {
        var (a, _) = await Outcome("a");
        var allowance = Parameter("regime.rules[lpp-exemption].allowanceH100e=500,1000");
        var customs = Parameter("enforcement.hubCustomsDetection=0.05,0.5");
        Assert.Equal("customs detection in transit hubs, per lot and country (times each country's enforcement)", customs.Title);
        Assert.Equal(0.05, customs.Policy);
        Assert.Equal(1_699.2, Math.Round(allowance.Policy!.Value, 1));
        var points = SweepReport.Grid([2, 2]).Select(values => new SweepPoint(a, values)).ToList();
        Assert.Equal([[0, 0], [0, 1], [1, 0], [1, 1]], points.Select(p => p.Values.ToArray()));
        var csv = Pages.Text(SweepReport.Csv([allowance, customs], points)).Split('\n');
        Assert.StartsWith("$.regime.rules[lpp-exemption].allowanceH100e,$.enforcement.hubCustomsDetection,scenario,seed,", csv[0]);
        Assert.Equal(["500,0.05", "500,0.5", "1000,0.05", "1000,0.5"], csv.Skip(1).Take(4).Select(l => string.Join(",", l.Split(',').Take(2))));
        var html = Pages.Text(SweepReport.Html("scenarios/piecemeal-2025.json", [allowance, customs], points, planned: 4));
        Assert.Equal(5, Pages.AssertSelfContained(html).Count);
        Assert.Contains("by customs detection in transit hubs", html);
        // A series per value of the second parameter, the scenario's own one marked.
        Assert.Contains("each country&#39;s enforcement) = 0.05 (policy)</span>", html);
        Assert.Contains("each country&#39;s enforcement) = 0.5</span>", html);
    }

    [Fact]
    public async Task Compare_and_sweep_csv_cells_that_a_spreadsheet_would_run_as_formulas_open_as_text()
    {
        var (formula, _) = await Outcome("=HYPERLINK(\"http://x\")");
        var (negative, _) = await Outcome("-0.5");
        var parameter = new SweepParameter("$.x", "x", "", ["=HYPERLINK(\"http://x\")", "-0.5"], [null, -0.5], null, null, false);
        var sweep = Pages.Text(SweepReport.Csv([parameter], [new SweepPoint(formula, [0]), new SweepPoint(negative, [1])])).Split('\n');
        Assert.StartsWith("\"'=HYPERLINK(\"\"http://x\"\")\",piecemeal-2025,", sweep[1]);
        Assert.StartsWith("-0.5,piecemeal-2025,", sweep[2]);
        var compare = Pages.Text(ComparisonReport.Csv([formula], ["@scenarios/x.json"])).Split('\n');
        Assert.StartsWith("\"'=HYPERLINK(\"\"http://x\"\")\",'@scenarios/x.json,2025,", compare[1]);
    }

    [Fact]
    public async Task Values_that_are_not_numbers_are_laid_out_one_after_another()
    {
        var (a, _) = await Outcome("true");
        var (b, _) = await Outcome("false");
        var parameter = Parameter("dataCentres.sites[0].linkAcrossSites=true,false");
        Assert.False(parameter.Numeric);
        var html = Pages.Text(SweepReport.Html("s.json", [parameter], [new SweepPoint(a, [0]), new SweepPoint(b, [1])], planned: 2));
        Assert.Equal(5, Pages.AssertSelfContained(html).Count);
        Assert.Contains("owner links its sites in a country (", html);
    }
}
