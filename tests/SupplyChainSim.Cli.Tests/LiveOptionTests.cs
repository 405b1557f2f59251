using System.Net;
using System.Net.Sockets;

namespace SupplyChainSim.Cli.Tests;

/// <summary>`run --dashboard` options: mistakes are caught before anything runs.</summary>
public class LiveOptionTests
{
    private static readonly string Scenario = LiveObservationTests.Scenario;

    [Theory]
    [InlineData("--pace", "500ms", "--pace only applies with --dashboard")]
    [InlineData("--port", "9000", "--port only applies with --dashboard")]
    [InlineData("--bind", "0.0.0.0", "--bind only applies with --dashboard")]
    public async Task Live_options_need_the_dashboard(string option, string value, string expected)
    {
        using var temp = new TempFolder();
        (await Cli.RunAsync("run", Scenario, option, value, "--out", temp.File("out"))).AssertRefused(2, expected, temp.File("out"));
    }

    [Theory]
    [InlineData("--pace", "fast", "--pace: expected a duration such as 500ms, 2s or 0 (at most an hour), found 'fast'")]
    [InlineData("--pace", "-1s", "--pace: expected a duration such as 500ms, 2s or 0 (at most an hour), found '-1s'")]
    [InlineData("--port", "70000", "--port: expected 0 to 65535, found 70000")]
    [InlineData("--port", "http", "--port: expected 0 to 65535, found 'http'")]
    [InlineData("--port", "-1", "--port: expected 0 to 65535, found -1")]
    [InlineData("--bind", "::ffff:127.0.0.1", "--bind: '::ffff:127.0.0.1' is an IPv4 address written as IPv6; give it as 127.0.0.1")]
    [InlineData("--bind", "my-laptop", "--bind: expected an IP address such as 127.0.0.1 or 0.0.0.0, found 'my-laptop'")]
    [InlineData("--replications", "5", "--dashboard watches a single run; drop --replications")]
    public async Task Bad_live_options_are_named(string option, string value, string expected)
    {
        using var temp = new TempFolder();
        (await Cli.RunAsync("run", Scenario, "--dashboard", option, value, "--out", temp.File("out"))).AssertRefused(2, expected, temp.File("out"));
    }

    [Fact]
    public async Task A_taken_port_is_reported_with_what_to_do()
    {
        using var temp = new TempFolder();
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var result = await Cli.RunAsync("run", Scenario, "--dashboard", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", temp.File("out"));
        result.AssertRefused(1, "Choose another port with --port", temp.File("out"));
        Assert.Contains($"127.0.0.1:{port}", result.Error);
        Assert.Contains("address already in use", result.Error);
    }

    [Fact]
    public async Task An_address_this_machine_does_not_have_is_reported_with_what_to_do()
    {
        using var temp = new TempFolder();
        // 192.0.2.1 is TEST-NET-1 (RFC 5737), kept for documentation: no machine has it.
        (await Cli.RunAsync("run", Scenario, "--dashboard", "--bind", "192.0.2.1", "--port", "0", "--out", temp.File("out"))).AssertRefused(1,
            "supplychainsim: --bind 192.0.2.1: cannot listen on port 0 there: Cannot assign requested address. Give an address of this machine", temp.File("out"));
    }

    /// <summary>A watched run bound to <paramref name="bind"/>, served to its end, stopped with Ctrl+C and its results written: what it printed.</summary>
    private static async Task<string> WatchToTheEnd(string bind)
    {
        using var temp = new TempFolder();
        await using var run = LiveProcess.Start("run", Scenario, "--dashboard", "--bind", bind, "--port", "0", "--pace", "0", "--out", temp.File("out"));
        await run.WaitForLineAsync("still serving", TimeSpan.FromSeconds(60));
        Assert.Equal(0, await run.InterruptAsync());
        Assert.True(File.Exists(Path.Combine(temp.File("out"), "summary.json")));
        return run.Output;
    }

    [Fact]
    public async Task Localhost_with_a_free_port_serves_on_loopback_without_the_network_warning()
    {
        var output = await WatchToTheEnd("localhost");
        Assert.Matches(@"Live world:\s+http://127\.0\.0\.1:\d+/", output);
        Assert.DoesNotContain("warning", output);
    }

    [Fact]
    public async Task Binding_beyond_loopback_warns_that_the_dashboard_has_no_authentication() =>
        Assert.Contains("warning: the dashboard has no authentication, and --bind 0.0.0.0 lets anyone who can reach this machine see it", await WatchToTheEnd("0.0.0.0"));

    [Fact]
    public async Task Ctrl_C_during_a_watched_run_stops_it_and_writes_nothing()
    {
        using var temp = new TempFolder();
        await using var run = LiveProcess.Start("run", Scenario, "--dashboard", "--port", "0", "--pace", "2s", "--out", temp.File("out"));
        await run.WaitForLineAsync("2025-01 ", TimeSpan.FromSeconds(60));
        Assert.Equal(130, await run.InterruptAsync());
        Assert.Contains("cancelled; no results were written", run.Output);
        Assert.DoesNotContain("warning", run.Output);
        Assert.False(Directory.Exists(temp.File("out")));
    }

    [Theory]
    [InlineData("500ms", 500)]
    [InlineData("2s", 2000)]
    [InlineData("1.5s", 1500)]
    [InlineData("0", 0)]
    [InlineData("1m", 60_000)]
    public void Paces_read_as_durations(string text, double milliseconds)
    {
        var option = new System.CommandLine.Option<TimeSpan>("--pace") { CustomParser = LiveRunOptions.ParsePace };
        var command = new System.CommandLine.RootCommand { option };
        var parsed = command.Parse(["--pace", text]);
        Assert.Empty(parsed.Errors);
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), parsed.GetValue(option));
    }
}
