using System.Globalization;
using SupplyChainSim.Model.MonteCarlo;

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
    public async Task Report_compare_and_sweep_pages_are_the_same_bytes_under_another_culture(string culture)
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
        };
        foreach (var page in pages)
        {
            var invariant = Under("", page);
            Assert.Equal(invariant, Under(culture, page));
        }
        Assert.Contains("500,000", Pages.Text(Under(culture, pages[0]))); // a tick label of the installed-compute chart
    }
}
