using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using SupplyChainSim.Model.MonteCarlo;
using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Worlds;
using SupplyChainSim.ScenarioFiles;

namespace SupplyChainSim.Reports.Tests;

/// <summary>Runs of a shipped scenario, in memory and shared by the tests, and checks every page must pass.</summary>
public static partial class Pages
{
    private static readonly Lazy<Task<(ResolvedScenario Scenario, IReadOnlyList<RunResults> Runs)>> piecemeal = new(async () =>
    {
        // Twelve months of piecemeal-2025: breaches at Chinese labs and the Johor Front's linked sites.
        var scenario = ScenarioLoader.Load(Paths.Scenario("piecemeal-2025.json")).WithMonths(12);
        var runs = new List<RunResults>();
        for (var i = 0; i < 3; i++)
            runs.Add(await InMemoryWorldHosts.RunAsync(WorldBuilder.Build(scenario.WithSeed(ReplicationSeeds.For(scenario.Spec.Seed, i)), WorldBuilder.DefaultPoolSize)));
        return (scenario, runs);
    });

    /// <summary>Replications 0, 1 and 2 of piecemeal-2025 over 12 months.</summary>
    public static Task<(ResolvedScenario Scenario, IReadOnlyList<RunResults> Runs)> Piecemeal => piecemeal.Value;

    public static string Text(byte[] page) => Encoding.UTF8.GetString(page);

    /// <summary>
    /// What opening offline needs: a whole HTML document with nothing fetched from anywhere (no scripts, style sheets,
    /// images or fonts by address; the only url() references are to clip paths inside the page), and charts that
    /// are well-formed SVG with their text in the shipped font. Returns the charts.
    /// </summary>
    public static IReadOnlyList<XElement> AssertSelfContained(string html)
    {
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.EndsWith("</html>\n", html);
        Assert.DoesNotMatch(@"(?i)<(script|link|img|iframe|object|embed)\b", html);
        Assert.DoesNotMatch(@"(?i)@import", html);
        Assert.DoesNotMatch(@"(?i)\b(src|href)\s*=", html);
        foreach (Match url in Regex.Matches(html, @"url\(([^)]*)\)")) Assert.StartsWith("#", url.Groups[1].Value);
        Assert.DoesNotMatch(@"(?i)(src|href|url)\W{0,3}(https?:)?//", html);
        var charts = Svg().Matches(html).Select(m => XElement.Parse(m.Value)).ToList();
        Assert.Equal(Regex.Count(html, "<svg"), charts.Count);
        XNamespace svg = "http://www.w3.org/2000/svg";
        foreach (var chart in charts)
        {
            var texts = chart.Descendants(svg + "text").ToList();
            Assert.NotEmpty(texts);
            Assert.All(texts, t => Assert.Equal(Charts.FontName, (string?)t.Attribute("font-family")));
            Assert.NotEmpty(chart.Descendants(svg + "path"));
        }
        var ids = charts.SelectMany(c => c.Descendants().Select(e => (string?)e.Attribute("id")).OfType<string>()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        return charts;
    }

    [GeneratedRegex(@"<svg\b.*?</svg>", RegexOptions.Singleline)]
    private static partial Regex Svg();
}
