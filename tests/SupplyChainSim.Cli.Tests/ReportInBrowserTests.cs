using Microsoft.Playwright;

namespace SupplyChainSim.Cli.Tests;

/// <summary>report.html opened from disk in headless chromium with the network cut off: every chart draws.</summary>
public sealed class ReportInBrowserTests
{
    [SkippableFact]
    public async Task The_report_opens_offline_with_its_charts_and_trails()
    {
        var chromium = Browser.Require();
        using var output = new TempFolder();
        var run = await Cli.RunAsync("run", LiveObservationTests.Scenario, "--replications", "3", "--out", output.Path);
        Assert.True(run.ExitCode == 0, run.Error);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Args = ["--no-sandbox", "--disable-gpu"] });
        var context = await browser.NewContextAsync(new() { Offline = true });
        var requests = new List<string>();
        var errors = new List<string>();
        var page = await context.NewPageAsync();
        page.Request += (_, request) => requests.Add(request.Url);
        page.PageError += (_, error) => errors.Add(error);
        var file = new Uri(Path.Combine(output.Path, "report.html")).AbsoluteUri;
        await page.GotoAsync(file);

        Assert.Equal([file], requests); // the page and nothing else: no fonts, scripts, styles or images from anywhere
        Assert.Empty(errors);
        var charts = page.Locator("svg");
        // The excess by kind, the flow picture and its smuggling channels, regime timeline, installed by country, lawful
        // routes, smuggled and seized, decisions, the model against published figures, first-breach months (no magnets here).
        Assert.Equal(10, await charts.CountAsync());
        for (var i = 0; i < 10; i++)
        {
            var box = await charts.Nth(i).BoundingBoxAsync();
            Assert.True(box is { Width: > 300, Height: > 150 }, $"chart {i} is drawn at a readable size");
        }
        Assert.Equal("live-breach", await page.Locator("h1").TextContentAsync());
        var trail = page.Locator("details").Filter(new() { HasText = "cn-1" }).First;
        await trail.Locator("summary").ClickAsync();
        await Assertions.Expect(trail.Locator("tr").Filter(new() { HasText = "sg-net" }).First).ToBeVisibleAsync();
    }
}
