using System.Diagnostics;
using System.Text.Json;
using Microsoft.Playwright;

namespace SupplyChainSim.Cli.Tests;

/// <summary>
/// `run --dashboard` end to end, in a real headless browser (Debian's chromium, which .ci/run installs): the live page
/// follows the months and shows the breach as it happens, with its trail; the Orleans Dashboard loads and shows the
/// run's grains and their state; Ctrl+C after the last month stops cleanly with the results written.
/// </summary>
public sealed class LiveObservationTests
{
    internal const string Chromium = "/usr/bin/chromium";
    internal static readonly string Scenario = Path.Combine(Paths.Root, "tests", "SupplyChainSim.Cli.Tests", "Scenarios", "live-breach.json");

    [Fact]
    public async Task Live_page_follows_the_months_and_shows_the_breach_as_it_happens_and_the_dashboard_shows_the_grains()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install Debian's chromium (apt-get install chromium), as .ci/run does");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        using var output = new TempFolder();
        // live-breach.json: 20 months, its breach in month 11. At 400 ms a month the page is up long before it.
        await using var run = LiveProcess.Start("run", Scenario, "--dashboard", "--port", "0", "--pace", "400ms", "--out", output.Path);
        var address = await run.WaitForLineAsync("Live world:", TimeSpan.FromSeconds(60));
        var root = address["Live world:".Length..].Trim();

        var page = await browser.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync(root);
        await Assertions.Expect(page.Locator("#month")).Not.ToHaveTextAsync("–", new() { Timeout = 30_000 });
        var firstMonth = await page.Locator("#month").TextContentAsync();
        Assert.True(await page.Locator("#breaches li").CountAsync() == 0,
            $"the page opened in {firstMonth}, after the breach; it cannot see it appear\n{run.Output}");
        Assert.Equal("0", await page.Locator("#breach-count").TextContentAsync());

        // The month advances without a reload: the page follows the server-sent events.
        await Assertions.Expect(page.Locator("#month")).Not.ToHaveTextAsync(firstMonth!, new() { Timeout = 30_000 });
        var breach = page.Locator("#breaches li.breach");
        await Assertions.Expect(breach).ToHaveCountAsync(1, new() { Timeout = 60_000 });
        Assert.Equal("2025-11", await page.Locator("#breaches li.breach summary strong").TextContentAsync());
        var summary = await breach.Locator("summary").TextContentAsync();
        Assert.Contains("cn-1 (owner Lab, CN): 240.1 H100e over a permitted 200.1", summary);
        Assert.Contains("smuggled via sg-net", summary);
        await breach.Locator("summary").ClickAsync();
        var trail = breach.Locator("table.trail tbody tr");
        Assert.True(await trail.CountAsync() >= 2);
        Assert.Contains("sg-net", await trail.Filter(new() { HasText = "smuggled" }).First.TextContentAsync());
        await Assertions.Expect(page.Locator("#countries tbody tr[data-country='CN']")).ToBeVisibleAsync();

        // The run finishes, writes its files and keeps serving.
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("finished", new() { Timeout = 60_000 });
        Assert.Equal("2026-08", await page.Locator("#month").TextContentAsync());
        await run.WaitForLineAsync("still serving", TimeSpan.FromSeconds(30));
        Assert.True(File.Exists(Path.Combine(output.Path, "summary.json")));
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "supplychainsim-live.png"), FullPage = true });

        // /api/state carries what the page shows.
        using var http = new HttpClient();
        using var state = JsonDocument.Parse(await http.GetStringAsync(root + "api/state"));
        Assert.Equal("finished", state.RootElement.GetProperty("status").GetString());
        Assert.Equal(20, state.RootElement.GetProperty("monthsDone").GetInt32());
        Assert.Equal("cn-1", state.RootElement.GetProperty("breaches")[0].GetProperty("site").GetString());
        var runKey = state.RootElement.GetProperty("run").GetProperty("runKey").GetString();

        // The Orleans Dashboard loads, lists the run's grains, and its grain-state view shows a country's ledger.
        var dashboard = await browser.NewPageAsync();
        dashboard.PageError += (_, error) => errors.Add("dashboard: " + error);
        await dashboard.GotoAsync(root + "dashboard/");
        await Assertions.Expect(dashboard.GetByText("Total activations", new() { Exact = false })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await dashboard.GotoAsync(root + "dashboard/#/grains");
        await Assertions.Expect(dashboard.GetByText("DataCentreBlockGrain").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await dashboard.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "supplychainsim-dashboard.png"), FullPage = true });
        var grainState = await http.GetStringAsync(root + $"dashboard/GrainState?grainId={Uri.EscapeDataString(runKey + "/country/CN")}&grainType=SupplyChainSim.Grains.CountryGrain");
        Assert.Contains("China", grainState);
        Assert.Contains("DeniedH100e", grainState);
        var intermediaries = await http.GetStringAsync(root + $"dashboard/GrainState?grainId={Uri.EscapeDataString(runKey + "/intermediaries/0")}&grainType=SupplyChainSim.Grains.IntermediaryBlockGrain");
        Assert.Contains("sg-net/shell-1", intermediaries);

        Assert.Empty(errors);
        Assert.Equal(0, await run.InterruptAsync());

        // Watching changes nothing: the files are byte for byte those of a plain run.
        await AssertSameFilesAsPlainRun(output.Path);
    }

    /// <summary>The files of a watched run of <see cref="Scenario"/> are byte for byte those of a plain run.</summary>
    internal static async Task AssertSameFilesAsPlainRun(string watched)
    {
        using var plain = new TempFolder();
        Assert.Equal(0, (await Cli.RunAsync("run", Scenario, "--out", plain.Path)).ExitCode);
        var names = Directory.GetFiles(plain.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(names, Directory.GetFiles(watched).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var name in names)
            Assert.True(File.ReadAllBytes(Path.Combine(plain.Path, name!)).SequenceEqual(File.ReadAllBytes(Path.Combine(watched, name!))), $"{name} differs");
    }
}
