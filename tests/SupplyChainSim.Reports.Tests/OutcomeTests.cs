using System.Globalization;
using SupplyChainSim.Model.MonteCarlo;
using SupplyChainSim.Model.Units;

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
        Assert.Equal(10, Pages.AssertSelfContained(full).Count);
        Assert.Contains("Every pair of replications agreed on every breach kind and threshold", full);
        Assert.DoesNotContain("Partial", full);
        Assert.Contains("<th>regime-a</th><th>regime-b</th>", full);

        var partial = Pages.Text(ComparisonReport.Html([a], ["a.json", "b.json"], planned: 3));
        Assert.Contains("Partial: stopped after 1 of 3 scenarios", partial);
        Pages.AssertSelfContained(partial);
    }

    [Fact]
    public async Task The_sweep_page_plots_breach_probability_against_the_parameter_in_H100e_for_a_TPP_parameter()
    {
        var (low, _) = await Outcome("7915600");
        var (high, _) = await Outcome("26900000");
        const string parameter = "$.regime.rules[3].allowanceTpp";
        var html = Pages.Text(SweepReport.Html("scenarios/piecemeal-2025.json", parameter, [low, high], planned: 3));
        // Breach probability, first breach month, H100e beyond the rules, exports by tier.
        Assert.Equal(4, Pages.AssertSelfContained(html).Count);
        Assert.Contains("allowanceTpp in H100e (TPP / 15,831.2)", html);
        Assert.Contains("<td class=\"n\">500.0</td>", html);
        Assert.Contains("<td class=\"n\">1,699.2</td>", html);
        Assert.Contains("Partial: stopped after 2 of 3 values", html);

        var csv = Pages.Text(SweepReport.Csv(parameter, [low, high])).Split('\n');
        Assert.StartsWith("parameter,value,scenario,seed,replications,", csv[0]);
        Assert.StartsWith($"{parameter},7915600,piecemeal-2025,2025,3,", csv[1]);
        Assert.StartsWith($"{parameter},26900000,piecemeal-2025,2025,3,", csv[2]);
    }

    [Fact]
    public async Task Compare_and_sweep_csv_cells_that_a_spreadsheet_would_run_as_formulas_open_as_text()
    {
        var (formula, _) = await Outcome("=HYPERLINK(\"http://x\")");
        var (negative, _) = await Outcome("-0.5");
        var sweep = Pages.Text(SweepReport.Csv("$.x", [formula, negative])).Split('\n');
        Assert.StartsWith("$.x,\"'=HYPERLINK(\"\"http://x\"\")\",piecemeal-2025,", sweep[1]);
        Assert.StartsWith("$.x,-0.5,piecemeal-2025,", sweep[2]);
        var compare = Pages.Text(ComparisonReport.Csv([formula], ["@scenarios/x.json"])).Split('\n');
        Assert.StartsWith("\"'=HYPERLINK(\"\"http://x\"\")\",'@scenarios/x.json,2025,", compare[1]);
    }

    [Fact]
    public async Task Values_that_are_not_numbers_are_laid_out_one_after_another()
    {
        var (a, _) = await Outcome("true");
        var (b, _) = await Outcome("false");
        var html = Pages.Text(SweepReport.Html("s.json", "$.linkAcrossSites", [a, b], planned: 2));
        Assert.Equal(4, Pages.AssertSelfContained(html).Count);
    }
}
