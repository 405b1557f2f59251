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
    internal static readonly string Scenario = Path.Combine(Paths.Root, "tests", "SupplyChainSim.Cli.Tests", "Scenarios", "live-breach.json");

    /// <summary>Headless chromium; skips the calling [SkippableFact] where there is none (<see cref="Browser.Require"/>).</summary>
    internal static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        var chromium = Browser.Require();
        return await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = chromium,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    [SkippableFact]
    public async Task Live_page_follows_the_months_and_shows_the_breach_as_it_happens_and_the_dashboard_shows_the_grains()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        using var output = new TempFolder();
        using var shots = new TempFolder();
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
        Assert.Contains("unlawful-compute at cn-1 (owner Lab, CN): 40.0 H100e beyond the rules (40.0 counted, 0.0 permitted)", summary);
        // The kinds table shows the breach and the largest excess now: 40.0 H100e in the breach's month, more once the
        // next month (400 ms later) has arrived, which a loaded machine may reach before this line reads the table.
        var kind = await page.Locator("#kinds tbody tr[data-kind='unlawful-compute'] td").AllTextContentsAsync();
        Assert.Equal(["unlawful-compute", "1"], kind.Take(2));
        Assert.True(double.Parse(kind[2].Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture) >= 40.0, $"largest excess {kind[2]}");
        Assert.Contains("smuggled via sg-net", summary);
        await breach.Locator("summary").ClickAsync();
        var trail = breach.Locator("table.trail tbody tr");
        Assert.True(await trail.CountAsync() >= 1); // the unlawful lots; the lawful chips beside them are not in the trail
        Assert.Contains("sg-net", await trail.Filter(new() { HasText = "smuggled" }).First.TextContentAsync());
        await AssertTrailReadable(page);
        await Assertions.Expect(page.Locator("#countries tbody tr[data-country='CN']")).ToBeVisibleAsync();

        // The run finishes, writes its files and keeps serving.
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("finished", new() { Timeout = 60_000 });
        Assert.Equal("2026-08", await page.Locator("#month").TextContentAsync());
        await run.WaitForLineAsync("still serving", TimeSpan.FromSeconds(30));
        Assert.True(File.Exists(Path.Combine(output.Path, "summary.json")));
        await page.ScreenshotAsync(new() { Path = Browser.Screenshot(shots, "supplychainsim-live.png"), FullPage = true });
        // No rare-earth leverage here: the magnet card says so and shows no empty chart box.
        await Assertions.Expect(page.Locator("#no-magnets")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#shortage-history")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#magnets")).ToBeHiddenAsync();
        Assert.Null(await page.Locator("#shortage-history").BoundingBoxAsync());
        await Assertions.Expect(page.Locator("#pacing")).ToBeHiddenAsync(); // nothing left to pace
        Assert.Equal("finished · results in " + Path.GetFileName(output.Path), await page.Locator("#status").TextContentAsync());

        // /api/state carries what the page shows.
        using var http = new HttpClient();
        using var state = JsonDocument.Parse(await http.GetStringAsync(root + "api/state"));
        Assert.Equal("finished", state.RootElement.GetProperty("status").GetString());
        Assert.Equal(20, state.RootElement.GetProperty("monthsDone").GetInt32());
        Assert.Equal("cn-1", state.RootElement.GetProperty("breaches")[0].GetProperty("site").GetString());
        var runKey = state.RootElement.GetProperty("run").GetProperty("runKey").GetString();
        await AssertFlowsChart(page, state.RootElement.GetProperty("history").EnumerateArray()
            .Where(m => m.GetProperty("smuggledH100e").GetDouble() > 0).Select(m => m.GetProperty("month").GetString()!).ToList(), shots);

        // The flow picture: a band per link of the snapshot, the smuggling channel through Singapore to the lab named.
        var links = state.RootElement.GetProperty("channels").GetProperty("links").GetArrayLength();
        Assert.True(links > 0);
        Assert.Equal(links, await page.Locator("#channels svg path.band").CountAsync());
        Assert.Equal(1, await page.Locator("#channels svg rect.node[data-node='smuggled via SG']").CountAsync());
        Assert.Equal(1, await page.Locator("#channels svg rect.node.restricted[data-node='Lab (CN)']").CountAsync());
        Assert.True(await page.Locator("#channels svg path.band.smuggled").CountAsync() > 0);

        // The Orleans Dashboard loads, lists the run's grains, and its grain-state view shows a country's ledger.
        var dashboard = await browser.NewPageAsync();
        dashboard.PageError += (_, error) => errors.Add("dashboard: " + error);
        await dashboard.GotoAsync(root + "dashboard/");
        await Assertions.Expect(dashboard.GetByText("Total activations", new() { Exact = false })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await dashboard.GotoAsync(root + "dashboard/#/grains");
        await Assertions.Expect(dashboard.GetByText("DataCentreGrain").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await dashboard.ScreenshotAsync(new() { Path = Browser.Screenshot(shots, "supplychainsim-dashboard.png"), FullPage = true });
        var grainState = await http.GetStringAsync(root + $"dashboard/GrainState?grainId={Uri.EscapeDataString(runKey + "/country/CN")}&grainType=SupplyChainSim.Grains.CountryGrain");
        Assert.Contains("China", grainState);
        Assert.Contains("DeniedH100e", grainState);
        var intermediary = await http.GetStringAsync(root + $"dashboard/GrainState?grainId={Uri.EscapeDataString(runKey + "/intermediary/sg-net")}&grainType=SupplyChainSim.Grains.IntermediaryGrain");
        Assert.Contains("sg-net/shell-1", intermediary);

        // On the live page the breach's site and broker link to their grains' state.
        var siteLink = breach.Locator("summary a.grain").First;
        Assert.Equal("cn-1", await siteLink.TextContentAsync());
        Assert.Equal(runKey + "/datacentre/cn-1", await siteLink.GetAttributeAsync("data-grain-id"));
        var brokerLink = breach.Locator("summary a.grain").Last;
        Assert.Equal("sg-net", await brokerLink.TextContentAsync());
        await siteLink.ClickAsync();
        var shown = page.Locator("#grain-state");
        await Assertions.Expect(shown).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#grain-state-body")).ToContainTextAsync("\"PermittedH100e\": 0", new() { Timeout = 10_000 });
        await Assertions.Expect(page.Locator("#grain-state-body")).ToContainTextAsync("\"ChipsByAcquisition\"");
        Assert.Equal("DataCentreGrain " + runKey + "/datacentre/cn-1", await page.Locator("#grain-state-title").TextContentAsync());
        await page.ScreenshotAsync(new() { Path = Browser.Screenshot(shots, "supplychainsim-live-grain.png") });
        await page.Locator("#grain-state-close").ClickAsync();
        await Assertions.Expect(shown).ToBeHiddenAsync();

        Assert.Empty(errors);
        Assert.Equal(0, await run.InterruptAsync());

        // Watching changes nothing: the files are byte for byte those of a plain run.
        await AssertSameFilesAsPlainRun(output.Path);
    }

    [SkippableFact]
    public async Task Pause_holds_the_month_step_advances_exactly_one_and_resume_continues_with_the_same_results()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        using var output = new TempFolder();
        using var shots = new TempFolder();
        await using var run = LiveProcess.Start("run", Scenario, "--dashboard", "--port", "0", "--pace", "1500ms", "--out", output.Path);
        var root = (await run.WaitForLineAsync("Live world:", TimeSpan.FromSeconds(60)))["Live world:".Length..].Trim();
        using var http = new HttpClient();

        // Paused at once, as the page's button would (same origin), the run holds after its first month: the page opens on it.
        using (var pause = new HttpRequestMessage(HttpMethod.Post, root + "api/pause"))
        {
            pause.Headers.Add("Origin", root.TrimEnd('/'));
            using var paused = await http.SendAsync(pause);
            Assert.Equal(System.Net.HttpStatusCode.NoContent, paused.StatusCode);
        }
        var page = await browser.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync(root);
        await Assertions.Expect(page.Locator("#month")).ToHaveTextAsync("2025-01", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("paused");
        // Nothing installed yet: no largest cluster to name.
        Assert.Equal("none yet", await page.Locator("#largest-cluster").TextContentAsync());
        await Assertions.Expect(page.Locator("#pause")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#resume")).ToBeVisibleAsync();
        await AssertHeldAsync(http, root, 1);

        // Step: exactly one month, then held again.
        await page.Locator("#step").ClickAsync();
        await Assertions.Expect(page.Locator("#month")).ToHaveTextAsync("2025-02", new() { Timeout = 30_000 });
        await AssertHeldAsync(http, root, 2);
        Assert.Equal("2025-02", await page.Locator("#month").TextContentAsync());
        await page.ScreenshotAsync(new() { Path = Browser.Screenshot(shots, "supplychainsim-live-paused.png") });
        Assert.Contains("100.0 H100e at us-1", await page.Locator("#largest-cluster").TextContentAsync());

        // Resume: the months go on at the pace.
        await page.Locator("#resume").ClickAsync();
        await Assertions.Expect(page.Locator("#month")).ToHaveTextAsync("2025-04", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("running");
        await Assertions.Expect(page.Locator("#pause")).ToBeVisibleAsync();

        // Pause again from the page: it holds where it is (a month already under way may still land).
        await page.Locator("#pause").ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("paused");
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        var held = await MonthsDone(http, root);
        await AssertHeldAsync(http, root, held);
        await page.Locator("#resume").ClickAsync();

        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("finished", new() { Timeout = 90_000 });
        await run.WaitForLineAsync("still serving", TimeSpan.FromSeconds(30));
        Assert.Empty(errors);
        Assert.Equal(0, await run.InterruptAsync());
        await AssertSameFilesAsPlainRun(output.Path);
    }

    private static async Task<int> MonthsDone(HttpClient http, string root)
    {
        using var state = JsonDocument.Parse(await http.GetStringAsync(root + "api/state"));
        return state.RootElement.GetProperty("monthsDone").GetInt32();
    }

    /// <summary>The run stays at <paramref name="months"/> for longer than its pace (1.5 s): it is held.</summary>
    private static async Task AssertHeldAsync(HttpClient http, string root, int months)
    {
        Assert.Equal(months, await MonthsDone(http, root));
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        using var state = JsonDocument.Parse(await http.GetStringAsync(root + "api/state"));
        Assert.Equal(months, state.RootElement.GetProperty("monthsDone").GetInt32());
        Assert.True(state.RootElement.GetProperty("paused").GetBoolean());
    }

    /// <summary>
    /// The flows chart of live-breach.json when finished: a value axis with round H100e ticks, month labels that do not
    /// overlap, one breach marker in 2025-11, and the smuggled deliveries on their own scale, filling their panel.
    /// </summary>
    private static async Task AssertFlowsChart(IPage page, IReadOnlyList<string> smuggledMonths, TempFolder shots)
    {
        var chart = page.Locator("#history svg");
        var box = await chart.BoundingBoxAsync();
        Assert.True(box is { Width: > 600, Height: > 200 }, $"the flows chart is drawn at a readable size ({box?.Width} x {box?.Height})");

        var ticks = await page.Locator("#history .licensed-exempt-smuggled-panel .y-axis text").AllTextContentsAsync();
        Assert.True(ticks.Count >= 3, string.Join(", ", ticks));
        var values = ticks.Select(t => double.Parse(t.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(0, values[0]);
        Assert.Equal(values.Order(), values);
        Assert.True(values[^1] >= 180, $"the axis reaches the largest month, 180 H100e: {string.Join(", ", ticks)}"); // 140 exempt + 40 smuggled
        Assert.Contains("H100e", await page.Locator("#history .licensed-exempt-smuggled-panel .panel-label").TextContentAsync());

        Assert.Equal(20, await MonthLabelsAsync(page)); // room for every month at 1280 px

        var markers = page.Locator("#history .breach-marker");
        Assert.Equal(1, await markers.CountAsync());
        Assert.Equal("2025-11", await markers.GetAttributeAsync("data-month"));
        Assert.Contains("2025-11: 1 new breach", await markers.Locator("title").TextContentAsync());

        // Smuggled flows on their own, labelled scale: the largest month fills most of its small panel.
        var panel = page.Locator("#history .smuggled-panel");
        Assert.Contains("smuggled", await panel.Locator(".panel-label").TextContentAsync());
        Assert.Contains("own scale", await panel.Locator(".panel-label").TextContentAsync());
        var smuggledTicks = await panel.Locator(".y-axis text").AllTextContentsAsync();
        Assert.True(smuggledTicks.Count >= 2 && smuggledTicks[^1] != "0", string.Join(", ", smuggledTicks));
        var axis = (await panel.Locator(".y-axis").BoundingBoxAsync())!;
        var bars = panel.Locator("rect.smuggled");
        Assert.True(smuggledMonths.Count >= 5);
        Assert.Equal(smuggledMonths, await bars.EvaluateAllAsync<string[]>("bars => bars.map(b => b.dataset.month)"));
        var tallest = 0.0;
        for (var i = 0; i < smuggledMonths.Count; i++) tallest = Math.Max(tallest, (await bars.Nth(i).BoundingBoxAsync())!.Height);
        Assert.True(tallest >= 0.6 * axis.Height, $"the largest smuggled month is {tallest:0} px of a {axis.Height:0} px panel");

        // On a narrow screen the chart is drawn again, with fewer month labels, still apart.
        var size = page.ViewportSize!;
        await page.SetViewportSizeAsync(420, 900);
        await page.WaitForFunctionAsync("() => document.querySelector('#history svg').getAttribute('width') < 420");
        await page.Locator("#history").ScreenshotAsync(new() { Path = Browser.Screenshot(shots, "supplychainsim-live-narrow.png") });
        var shown = await MonthLabelsAsync(page);
        Assert.InRange(shown, 3, 10);
        await page.SetViewportSizeAsync(size.Width, size.Height);
    }

    /// <summary>The month labels under the flows chart: YYYY-MM from the first month on, at even steps, none overlapping, inside the chart.</summary>
    private static async Task<int> MonthLabelsAsync(IPage page)
    {
        var chart = (await page.Locator("#history svg").BoundingBoxAsync())!;
        var labels = page.Locator("#history .x-axis text");
        var texts = await labels.AllTextContentsAsync();
        Assert.Equal("2025-01", texts[0]);
        Assert.All(texts, t => Assert.Matches(@"^\d{4}-\d{2}$", t));
        var steps = texts.Zip(texts.Skip(1), (a, b) => (int.Parse(b[..4], System.Globalization.CultureInfo.InvariantCulture) - int.Parse(a[..4], System.Globalization.CultureInfo.InvariantCulture)) * 12
            + int.Parse(b[5..], System.Globalization.CultureInfo.InvariantCulture) - int.Parse(a[5..], System.Globalization.CultureInfo.InvariantCulture)).Distinct().ToList();
        Assert.True(steps.Count <= 1, "labels at even steps: " + string.Join(", ", texts));
        var boxes = new List<LocatorBoundingBoxResult>();
        for (var i = 0; i < texts.Count; i++) boxes.Add((await labels.Nth(i).BoundingBoxAsync())!);
        for (var i = 1; i < boxes.Count; i++)
            Assert.True(boxes[i - 1].X + boxes[i - 1].Width <= boxes[i].X, $"month labels {texts[i - 1]} and {texts[i]} overlap");
        Assert.True(boxes[0].X >= chart.X - 1 && boxes[^1].X + boxes[^1].Width <= chart.X + chart.Width + 1, "the month labels stay inside the chart");
        return texts.Count;
    }

    /// <summary>An opened breach trail is whole on screen: no column cut off at the card's edge.</summary>
    internal static async Task AssertTrailReadable(IPage page)
    {
        // The list is rebuilt each month (open trails kept open), so an element found may be replaced before it is
        // measured: measure again until both boxes come from the page as it stands.
        var table = page.Locator("#breaches details[open] table.trail");
        LocatorBoundingBoxResult? card = null, tableBox = null;
        for (var attempt = 0; attempt < 20 && (card is null || tableBox is null); attempt++)
        {
            await Assertions.Expect(table).ToBeVisibleAsync();
            (card, tableBox) = (await page.Locator(".breaches-card").BoundingBoxAsync(), await table.BoundingBoxAsync());
        }
        Assert.True(card is not null && tableBox is not null, "the opened trail and its card are on the page");
        Assert.True(tableBox.X >= card.X && tableBox.X + tableBox.Width <= card.X + card.Width,
            $"the trail ({tableBox.X:0} to {tableBox.X + tableBox.Width:0}) overflows its card ({card.X:0} to {card.X + card.Width:0})");
        var overflow = await page.EvaluateAsync<bool>("() => [...document.querySelectorAll('#breaches details[open]')].some(d => d.scrollWidth > d.clientWidth + 1)");
        Assert.False(overflow, "the opened trail is wider than its box");
        var header = await table.Locator("thead th").AllTextContentsAsync();
        Assert.Equal(["month", "seller", "via", "chip", "chips", "H100e", "route", "basis"], header);
        await Assertions.Expect(table.Locator("thead th").Last).ToBeInViewportAsync();
    }

    /// <summary>
    /// The files of a watched run of <see cref="Scenario"/> are byte for byte those of a plain run (but manifest.json,
    /// which records the command line).
    /// </summary>
    internal static async Task AssertSameFilesAsPlainRun(string watched)
    {
        using var plain = new TempFolder();
        Assert.Equal(0, (await Cli.RunAsync("run", Scenario, "--out", plain.Path)).ExitCode);
        var names = Directory.GetFiles(plain.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(names, Directory.GetFiles(watched).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var name in names.Where(n => n != "manifest.json"))
            Assert.True(File.ReadAllBytes(Path.Combine(plain.Path, name!)).SequenceEqual(File.ReadAllBytes(Path.Combine(watched, name!))), $"{name} differs");
    }
}
