using SupplyChainSim.Cli.Live;
using System.Net;
using System.Text.Json;

namespace SupplyChainSim.Cli.Tests;

/// <summary>One finished `run --dashboard` process, shared by the checks of what its web server refuses.</summary>
public sealed class FinishedLiveRun : IAsyncLifetime
{
    private readonly TempFolder output = new();

    public LiveProcess Process { get; private set; } = null!;

    /// <summary>The live page's address, ending in a slash.</summary>
    public string Root { get; private set; } = "";

    public Uri Address => new(Root);

    public string RunKey { get; private set; } = "";

    public string OutPath => output.File("watched");

    public async Task InitializeAsync()
    {
        Process = LiveProcess.Start("run", LiveObservationTests.Scenario, "--dashboard", "--port", "0", "--pace", "0", "--out", OutPath);
        Root = (await Process.WaitForLineAsync("Live world:", TimeSpan.FromSeconds(60)))["Live world:".Length..].Trim();
        await Process.WaitForLineAsync("still serving", TimeSpan.FromSeconds(60));
        using var http = new HttpClient();
        using var state = JsonDocument.Parse(await http.GetStringAsync(Root + "api/state"));
        RunKey = state.RootElement.GetProperty("run").GetProperty("runKey").GetString()!;
    }

    public async Task DisposeAsync()
    {
        await Process.DisposeAsync();
        output.Dispose();
    }
}

/// <summary>
/// The live web server has no authentication, so it refuses what a page elsewhere or a stranger could abuse: other
/// host names (DNS rebinding), writes from any origin but its own page, grain-state requests outside the run; and it
/// does not tell where this machine keeps its files.
/// </summary>
public sealed class LiveServerTests(FinishedLiveRun run) : IClassFixture<FinishedLiveRun>
{
    private static readonly HttpClient Http = new();

    private async Task<HttpResponseMessage> Send(HttpMethod method, string path, string? host = null, string? origin = null)
    {
        using var request = new HttpRequestMessage(method, run.Root + path);
        if (host is not null) request.Headers.Host = host;
        if (origin is not null) request.Headers.Add("Origin", origin);
        return await Http.SendAsync(request);
    }

    [Theory]
    [InlineData("evil.example")]
    [InlineData("evil.example:{port}")]
    [InlineData("127.0.0.1.evil.example:{port}")]
    [InlineData("localhost.evil.example")]
    public async Task A_forged_host_header_is_refused_on_every_page(string host)
    {
        host = host.Replace("{port}", run.Address.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        foreach (var path in new[] { "", "live.js", "api/state", "dashboard/", "dashboard/DashboardCounters" })
        {
            using var response = await Send(HttpMethod.Get, path, host);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"GET /{path} with Host: {host} gave {(int)response.StatusCode}");
        }
    }

    [Theory]
    [InlineData("127.0.0.1:{port}")]
    [InlineData("localhost:{port}")]
    [InlineData("LOCALHOST:{port}")]
    [InlineData("[::1]:{port}")]
    public async Task The_bound_host_names_are_served(string host)
    {
        host = host.Replace("{port}", run.Address.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        using var response = await Send(HttpMethod.Get, "api/state", host);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public void Wildcard_binds_also_answer_to_this_machines_name_and_a_named_bind_to_itself()
    {
        var wide = LiveGuards.AllowedHosts("0.0.0.0");
        Assert.Contains(System.Net.Dns.GetHostName(), wide);
        Assert.Contains("127.0.0.1", wide);
        Assert.DoesNotContain("*", wide);
        Assert.Equal(new[] { "127.0.0.1", "localhost", "[::1]", "192.168.7.20" }, LiveGuards.AllowedHosts("192.168.7.20"));
        Assert.Equal(new[] { "127.0.0.1", "localhost", "[::1]", "[fe80::1]" }, LiveGuards.AllowedHosts("fe80::1"));
        Assert.Equal(new[] { "127.0.0.1", "localhost", "[::1]" }, LiveGuards.AllowedHosts("localhost"));
    }

    [Fact]
    public async Task Pacing_controls_take_only_a_post_from_the_page_itself()
    {
        var own = run.Root.TrimEnd('/');
        foreach (var control in new[] { "api/pause", "api/resume", "api/step" })
        {
            using (var noOrigin = await Send(HttpMethod.Post, control)) Assert.Equal(HttpStatusCode.Forbidden, noOrigin.StatusCode);
            using (var elsewhere = await Send(HttpMethod.Post, control, origin: "http://evil.example")) Assert.Equal(HttpStatusCode.Forbidden, elsewhere.StatusCode);
            using (var nullOrigin = await Send(HttpMethod.Post, control, origin: "null")) Assert.Equal(HttpStatusCode.Forbidden, nullOrigin.StatusCode);
            // Another port on the same machine is another origin.
            using (var otherPort = await Send(HttpMethod.Post, control, origin: $"http://127.0.0.1:{run.Address.Port + 1}")) Assert.Equal(HttpStatusCode.Forbidden, otherPort.StatusCode);
            using (var get = await Send(HttpMethod.Get, control, origin: own)) Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
            using (var forged = await Send(HttpMethod.Post, control, host: "evil.example", origin: "http://evil.example")) Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
            // From the page's own origin the request is taken: the run is over, so there is nothing to pace.
            using var fromPage = await Send(HttpMethod.Post, control, origin: own);
            Assert.Equal(HttpStatusCode.Conflict, fromPage.StatusCode);
            Assert.Contains("the run is over", await fromPage.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Pacing_controls_take_a_post_from_the_page_opened_under_any_of_the_servers_names_on_its_port()
    {
        var port = run.Address.Port;
        foreach (var name in new[] { "localhost", "127.0.0.1", "[::1]", "LOCALHOST" })
        {
            // The page at http://localhost:PORT is this server's as much as the one at http://127.0.0.1:PORT.
            using (var fromPage = await Send(HttpMethod.Post, "api/pause", origin: $"http://{name}:{port}")) Assert.Equal(HttpStatusCode.Conflict, fromPage.StatusCode);
            using (var otherPort = await Send(HttpMethod.Post, "api/pause", origin: $"http://{name}:{port + 1}")) Assert.Equal(HttpStatusCode.Forbidden, otherPort.StatusCode);
        }
        using (var https = await Send(HttpMethod.Post, "api/step", origin: $"https://localhost:{port}")) Assert.Equal(HttpStatusCode.Forbidden, https.StatusCode);
        using (var withPath = await Send(HttpMethod.Post, "api/step", origin: $"http://localhost:{port}/x")) Assert.Equal(HttpStatusCode.Forbidden, withPath.StatusCode);
        using (var named = await Send(HttpMethod.Post, "api/resume", origin: $"http://localhost.evil.example:{port}")) Assert.Equal(HttpStatusCode.Forbidden, named.StatusCode);
    }

    [Fact]
    public async Task A_dashboard_silo_page_for_an_address_that_is_no_silo_answers_404_and_puts_no_exception_in_the_console()
    {
        string? silo = null;
        foreach (var page in new[] { "SiloProperties/x", "SiloStats/x", "SiloCounters/127.0.0.1:1@1", "SiloMetadata/", "HistoricalStats/%20" })
        {
            using var response = await Send(HttpMethod.Get, "dashboard/" + page);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{page}: {(int)response.StatusCode}");
            var body = await response.Content.ReadAsStringAsync();
            Assert.Contains("in this run's cluster: its silos are ", body);
            silo = body[(body.LastIndexOf("are ", StringComparison.Ordinal) + 4)..];
        }
        // The run's own silo is shown as before.
        using (var own = await Send(HttpMethod.Get, "dashboard/SiloProperties/" + silo)) Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.DoesNotContain("   at ", run.Process.Output);
        Assert.DoesNotContain("Exception", run.Process.Output);
    }

    [Fact]
    public async Task The_state_names_the_output_folder_without_this_machines_paths()
    {
        var body = await Http.GetStringAsync(run.Root + "api/state");
        using var state = JsonDocument.Parse(body);
        // The folder is outside the working directory (the repository): only its name is shown.
        Assert.Equal("watched", state.RootElement.GetProperty("results").GetString());
        Assert.DoesNotContain(Path.GetTempPath().TrimEnd('/'), body);
        Assert.DoesNotContain(Paths.Root, body);
    }

    [Fact]
    public async Task Grain_state_is_shown_for_the_runs_grains_and_foreign_ids_activate_nothing()
    {
        // The run's own grains are shown.
        using (var own = await Send(HttpMethod.Get, GrainState("SupplyChainSim.Grains.CountryGrain", run.RunKey + "/country/CN")))
        {
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
            Assert.Contains("China", await own.Content.ReadAsStringAsync());
        }

        var before = await Activations();
        var foreign = new List<(string Type, string Id)>();
        for (var i = 0; i < 20; i++) foreign.Add(("SupplyChainSim.Grains.CountryGrain", $"other-run-{i}/country/CN"));
        for (var i = 0; i < 10; i++) foreign.Add(("SupplyChainSim.Grains.CountryGrain", $"{run.RunKey}/country/Z{i}"));
        for (var i = 0; i < 10; i++) foreign.Add(("SupplyChainSim.Grains.DataCentrePoolGrain", $"{run.RunKey}/datacentres/CN/{100 + i}"));
        for (var i = 0; i < 5; i++) foreign.Add(("SupplyChainSim.Grains.ChipmakerGrain", $"{run.RunKey}/chipmaker/NVIDIA{i}"));
        // A real id under a grain type it does not belong to.
        for (var i = 0; i < 5; i++) foreign.Add(("SupplyChainSim.Grains.IntermediaryGrain", $"{run.RunKey}/country/CN{(i == 0 ? "" : i.ToString(System.Globalization.CultureInfo.InvariantCulture))}"));
        Assert.Equal(50, foreign.Count);
        foreach (var (type, id) in foreign)
        {
            using var response = await Send(HttpMethod.Get, GrainState(type, id));
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{type} {id}: {(int)response.StatusCode}");
            Assert.Contains("not a grain of this run", await response.Content.ReadAsStringAsync());
        }
        // However the path is spelled, and with the id given twice.
        using (var shouted = await Send(HttpMethod.Get, "DASHBOARD/grainstate/?grainType=SupplyChainSim.Grains.CountryGrain&grainId=elsewhere/country/CN"))
            Assert.Equal(HttpStatusCode.NotFound, shouted.StatusCode);
        using (var twice = await Send(HttpMethod.Get, GrainState("SupplyChainSim.Grains.CountryGrain", run.RunKey + "/country/CN") + "&grainId=x"))
            Assert.Equal(HttpStatusCode.NotFound, twice.StatusCode);

        Assert.Equal(before, await Activations());
    }

    [Fact]
    public async Task A_breach_links_to_the_grains_of_its_site_and_broker_whose_state_shows_the_permitted_figure_and_the_chips_by_acquisition()
    {
        using var state = JsonDocument.Parse(await Http.GetStringAsync(run.Root + "api/state"));
        var breach = state.RootElement.GetProperty("breaches")[0];
        Assert.Equal("cn-1", breach.GetProperty("site").GetString());
        var grain = breach.GetProperty("grain");
        Assert.Equal(("SupplyChainSim.Grains.DataCentreGrain", run.RunKey + "/datacentre/cn-1"), (grain.GetProperty("type").GetString(), grain.GetProperty("id").GetString()));
        Assert.Equal("sg-net", breach.GetProperty("mainVia").GetString());
        var broker = breach.GetProperty("mainViaGrain");
        Assert.Equal(("SupplyChainSim.Grains.IntermediaryGrain", run.RunKey + "/intermediary/sg-net"), (broker.GetProperty("type").GetString(), broker.GetProperty("id").GetString()));
        Assert.All(breach.GetProperty("trail").EnumerateArray().Where(a => a.GetProperty("via").GetString() == "sg-net"),
            a => Assert.Equal(broker.GetProperty("id").GetString(), a.GetProperty("viaGrain").GetProperty("id").GetString()));

        // The site's grain state, as the dashboard shows it: the cluster's breach kind with what was counted and permitted,
        // and the chips by acquisition, the smuggled ones through sg-net among them.
        using var site = await Send(HttpMethod.Get, GrainState(grain.GetProperty("type").GetString()!, grain.GetProperty("id").GetString()!));
        Assert.Equal(HttpStatusCode.OK, site.StatusCode);
        // The dashboard answers with its JSON as a JSON string.
        using var answer = JsonDocument.Parse(await site.Content.ReadAsStringAsync());
        using var view = JsonDocument.Parse(answer.RootElement.GetString()!);
        var shown = view.RootElement.GetProperty("GetState");
        var kind = shown.GetProperty("Cluster").GetProperty("Kinds").EnumerateArray().Single(k => k.GetProperty("Kind").GetString() == "unlawful-compute");
        Assert.Equal(0, kind.GetProperty("PermittedH100e").GetDouble());
        Assert.Equal(kind.GetProperty("CountedH100e").GetDouble(), kind.GetProperty("ExcessH100e").GetDouble());
        Assert.True(kind.GetProperty("CountedH100e").GetDouble() >= breach.GetProperty("clusterH100e").GetDouble());
        var acquisitions = shown.GetProperty("ChipsByAcquisition").EnumerateArray().ToList();
        Assert.Contains(acquisitions, a => a.GetProperty("Via").GetString() == "sg-net" && a.GetProperty("Route").GetString() == "Smuggled");
        Assert.Equal(shown.GetProperty("Chips").EnumerateObject().Sum(c => c.Value.GetInt64()), acquisitions.Sum(a => a.GetProperty("Chips").GetInt64()));

        using var brokerState = await Send(HttpMethod.Get, GrainState(broker.GetProperty("type").GetString()!, broker.GetProperty("id").GetString()!));
        Assert.Equal(HttpStatusCode.OK, brokerState.StatusCode);
        Assert.Contains("sg-net/shell-1", await brokerState.Content.ReadAsStringAsync());
    }

    private static string GrainState(string type, string id) => $"dashboard/GrainState?grainType={Uri.EscapeDataString(type)}&grainId={Uri.EscapeDataString(id)}";

    /// <summary>The silo's activation count, as the dashboard reports it (it refreshes its counters at most once a second).</summary>
    private async Task<int> Activations()
    {
        await Task.Delay(TimeSpan.FromMilliseconds(1200));
        using var counters = JsonDocument.Parse(await Http.GetStringAsync(run.Root + "dashboard/DashboardCounters"));
        await Task.Delay(TimeSpan.FromMilliseconds(1200));
        using var again = JsonDocument.Parse(await Http.GetStringAsync(run.Root + "dashboard/DashboardCounters"));
        var count = again.RootElement.GetProperty("totalActivationCount").GetInt32();
        Assert.True(count > 100, $"the dashboard counts {count} activations; the run alone has more");
        return count;
    }
}
