using System.Globalization;
using System.Text.RegularExpressions;
using SupplyChainSim.Model.MonteCarlo;
using SupplyChainSim.Model.Units;
using SupplyChainSim.ScenarioFiles;

namespace SupplyChainSim.Reports.Tests;

public class RunReportTests
{
    [Fact]
    public async Task A_run_report_has_its_charts_its_breaches_and_nothing_from_outside()
    {
        var (_, runs) = await Pages.Piecemeal;
        var results = runs[0];
        var html = Pages.Text(RunReport.Render(results));

        // The excess by kind each month, the flow picture and its smuggling channels, regime timeline, installed H100e
        // by country, lawful H100e by route, smuggled and seized, decisions by rule (no magnet market here), and the
        // model against the one published figure its months cover (the largest cluster at the end of 2025).
        Assert.Equal(11, Pages.AssertSelfContained(html).Count);
        Assert.Contains("The model against published figures", html);
        Assert.Matches("<td>largest-cluster-end-2025</td><td>2025-12</td><td>150k, 200k, 300k</td>", html);
        Assert.Contains("Largest excess beyond the rules, by kind", html);
        Assert.Contains("Smuggled and seized H100e (cumulative)", html);
        foreach (var rule in results.Info.Regime.Rules) Assert.Contains($"<td>{rule.Reason}</td>", html);
        Assert.Contains("This scenario has no rare-earth market", html);
        var breaches = results.Breaches.ToList();
        Assert.NotEmpty(breaches);
        Assert.Contains($"{breaches.Count:N0} breach", html);
        // The answer comes first: a row per kind, the largest excess at the end of the run and who holds it.
        Assert.True(html.IndexOf("Beyond the rules: the answer", StringComparison.Ordinal) < html.IndexOf("Regime timeline", StringComparison.Ordinal));
        var piecemeal = breaches.Where(b => b.Kind == "piecemeal-exemption").ToList();
        var front = piecemeal.MaxBy(b => b.EndExcess)!;
        Assert.Matches($@"<td>piecemeal-exemption</td><td[^>]*>{piecemeal.Count}</td><td[^>]*>{piecemeal.Min(b => b.Month)}</td><td[^>]*>{Regex.Escape(H100eDisplay.H100eText(front.EndExcess))}</td><td>{front.Site} \({front.Owner}, {front.Country}\)</td>", html);
        Assert.Matches("<td>no-clustering</td><td[^>]*>0</td>", html);
        foreach (var breach in breaches)
        {
            // The breach's row and its trail: one line per acquisition.
            Assert.Contains($"<td>{breach.Month}</td><td>{breach.Kind}</td><td>{breach.Site}</td>", html);
            Assert.Contains($"{breach.Month} {breach.Kind} at {breach.Site} ({breach.Owner}, {breach.Country}): {H100eDisplay.H100eText(breach.Excess)} H100e beyond " +
                $"{H100eDisplay.H100eText(breach.Permitted)} permitted, {breach.Acquisitions.Count:N0} acquisitions", html);
        }
        Assert.DoesNotContain("Replications (", html);
    }

    [Fact]
    public async Task With_replications_the_report_shows_the_breach_probability_and_first_breach_months()
    {
        var (_, runs) = await Pages.Piecemeal;
        var summaries = runs.Select((r, i) => ReplicationSummary.Of(i, r)).ToList();
        var html = Pages.Text(RunReport.Render(runs[0], summaries));

        Assert.Equal(12, Pages.AssertSelfContained(html).Count);
        Assert.Contains($"what {summaries.Count} replications give: the median and the 5th to 95th percentiles", html);
        var mc = MonteCarloSummary.Of(summaries);
        string P(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
        Assert.Contains($"{P(mc.BreachProbability)} (95% Wilson interval {P(mc.BreachProbabilityLower95)} to {P(mc.BreachProbabilityUpper95)})", html);
        Assert.Contains($"median {mc.FirstBreachMedian}, 5th percentile {mc.FirstBreachP5}, 95th percentile {mc.FirstBreachP95}", html);
        Assert.Contains("First breach month across replications", html);
    }

    [Fact]
    public async Task The_same_results_give_the_same_bytes_whatever_was_drawn_before()
    {
        var (_, runs) = await Pages.Piecemeal;
        var first = RunReport.Render(runs[0]);
        RunReport.Render(runs[1]);
        Assert.Equal(first, RunReport.Render(runs[0]));
        Assert.NotEqual(first, RunReport.Render(runs[1]));
    }

    /// <summary>Moved from the CLI's tests (ReportCommandTests), where two processes ran what two in-memory runs show here.</summary>
    [Fact]
    public async Task A_replicated_runs_report_is_the_same_bytes_each_time_and_opens_offline()
    {
        var scenario = ScenarioLoader.Load(Paths.Scenario("piecemeal-2025.json")).WithMonths(6);
        async Task<byte[]> Report()
        {
            var runs = await Replications.RunInMemory(scenario, 2);
            return RunReport.Render(runs[0], runs.Select((r, i) => ReplicationSummary.Of(i, r)).ToList());
        }
        var first = await Report();
        Assert.Equal(first, await Report());
        var html = Pages.Text(first);
        Assert.Contains("<h1>piecemeal-2025</h1>", html);
        Assert.Contains("Replications (2)", html);
        Assert.Equal(11, Pages.AssertSelfContained(html).Count);
        Assert.DoesNotMatch(@"(?i)(src|href)\s*=|<script|url\((?!#)", html);
    }

    [Fact]
    public void The_rules_chart_draws_at_most_60_rules_and_says_so_while_the_table_lists_them_all()
    {
        var rules = Enumerable.Range(0, 70).Select(i => (Model.Regimes.RegimeRule)new Model.Regimes.Rules.Baseline3A090 { Label = $"rule-{i}" }).ToList();
        var page = new HtmlPage("rules");
        RunReport.RegimeTimeline(page, rules, new YearMonth(2025, 1), 12);
        var html = Pages.Text(page.Render());
        Assert.Contains($"The first {RunReport.ChartedRules} of the 70 rules are drawn; the table lists them all.", html);
        Assert.Equal(70, Regex.Matches(html, "<td>rule-[0-9]+</td>").Count);
    }

    [Fact]
    public void A_tick_label_longer_than_a_scenario_name_may_be_is_cut_with_an_ellipsis()
    {
        Assert.Equal(new string('a', Charts.MaxLabel), Charts.Shortened(new string('a', Charts.MaxLabel)));
        Assert.Equal(new string('a', Charts.MaxLabel - 1) + "\u2026", Charts.Shortened(new string('a', 120_000)));
    }
}
