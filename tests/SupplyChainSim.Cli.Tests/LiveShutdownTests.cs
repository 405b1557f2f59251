using System.Diagnostics;
using Xunit.Abstractions;

namespace SupplyChainSim.Cli.Tests;

/// <summary>
/// Ctrl+C on a watched run with the pages open (the live page's event stream and the dashboard's log stream held
/// open, as a browser does): the program exits at once, 0 after the run and 130 during it, with a graceful silo
/// shutdown and nothing half-written. Before the streams ended on shutdown it took 10 s (the host's stop timeout)
/// and the silo's shutdown was cut short.
/// </summary>
public sealed class LiveShutdownTests(ITestOutputHelper log)
{
    // Measured at 0.2 to 1.2 s on the 2-core machine; the slack is for a machine busy with other builds.
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Ctrl_C_after_the_run_exits_0_at_once_with_the_pages_open()
    {
        using var temp = new TempFolder();
        await using var run = LiveProcess.Start("run", LiveObservationTests.Scenario, "--dashboard", "--port", "0", "--pace", "0", "--out", temp.File("out"));
        var root = (await run.WaitForLineAsync("Live world:", TimeSpan.FromSeconds(60)))["Live world:".Length..].Trim();
        await run.WaitForLineAsync("still serving", TimeSpan.FromSeconds(60));
        await using var pages = await OpenPages.OpenAsync(root);

        var clock = Stopwatch.StartNew();
        Assert.Equal(0, await run.InterruptAsync());
        log.WriteLine($"exit 0 after {clock.Elapsed.TotalSeconds:0.00} s");
        Assert.True(clock.Elapsed < Limit, $"Ctrl+C took {clock.Elapsed.TotalSeconds:0.0} s to exit\n{run.Output}");
        AssertGraceful(run.Output);
        await pages.AssertEndedAsync();
        await LiveObservationTests.AssertSameFilesAsPlainRun(temp.File("out"));
    }

    [Fact]
    public async Task Ctrl_C_during_the_run_exits_130_at_once_with_the_pages_open_and_writes_nothing()
    {
        using var temp = new TempFolder();
        await using var run = LiveProcess.Start("run", LiveObservationTests.Scenario, "--dashboard", "--port", "0", "--pace", "2s", "--out", temp.File("out"));
        var root = (await run.WaitForLineAsync("Live world:", TimeSpan.FromSeconds(60)))["Live world:".Length..].Trim();
        await run.WaitForLineAsync("2025-02 ", TimeSpan.FromSeconds(60));
        await using var pages = await OpenPages.OpenAsync(root);

        var clock = Stopwatch.StartNew();
        Assert.Equal(130, await run.InterruptAsync());
        log.WriteLine($"exit 130 after {clock.Elapsed.TotalSeconds:0.00} s");
        Assert.True(clock.Elapsed < Limit, $"Ctrl+C took {clock.Elapsed.TotalSeconds:0.0} s to exit\n{run.Output}");
        Assert.Contains("cancelled; no results were written", run.Output);
        AssertGraceful(run.Output);
        await pages.AssertEndedAsync();
        Assert.False(Directory.Exists(temp.File("out")));
    }

    /// <summary>The silo stopped through every stage of its lifecycle: nothing was cut short by the host's stop timeout.</summary>
    private void AssertGraceful(string output)
    {
        // Other warnings a loaded machine may bring (a slow grain turn) are not about shutdown; show them, do not fail on them.
        var lines = output.Split('\n');
        for (var i = 0; i < lines.Length; i++)
            if (lines[i].StartsWith("warn:", StringComparison.Ordinal) || lines[i].StartsWith("fail:", StringComparison.Ordinal))
                log.WriteLine(lines[i] + (i + 1 < lines.Length ? lines[i + 1] : ""));
        Assert.False(output.Contains("non-graceful", StringComparison.Ordinal), output);
        Assert.False(output.Contains("stop operations canceled", StringComparison.OrdinalIgnoreCase), output);
    }

    /// <summary>The two long-lived requests a browser holds on the server: the live page's events and the dashboard's log stream.</summary>
    private sealed class OpenPages : IAsyncDisposable
    {
        private readonly HttpClient http = new() { Timeout = Timeout.InfiniteTimeSpan };
        private readonly List<(HttpResponseMessage Response, Stream Body)> streams = [];

        public static async Task<OpenPages> OpenAsync(string root)
        {
            var pages = new OpenPages();
            foreach (var path in new[] { "api/events", "dashboard/Trace" })
            {
                var response = await pages.http.GetAsync(root + path, HttpCompletionOption.ResponseHeadersRead);
                response.EnsureSuccessStatusCode();
                var body = await response.Content.ReadAsStreamAsync();
                // Something has come through: the stream is open and being served.
                Assert.True(await body.ReadAsync(new byte[1]) == 1, $"{path} sent nothing");
                pages.streams.Add((response, body));
            }
            return pages;
        }

        /// <summary>Both streams have ended (the server closed them), rather than hanging on.</summary>
        public async Task AssertEndedAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            foreach (var (_, body) in streams)
            {
                try
                {
                    var buffer = new byte[4096];
                    while (await body.ReadAsync(buffer, timeout.Token) > 0)
                    {
                    }
                }
                catch (IOException)
                {
                    // A connection reset at exit also ends it.
                }
                catch (HttpRequestException)
                {
                }
            }
        }

        public ValueTask DisposeAsync()
        {
            foreach (var (response, body) in streams)
            {
                body.Dispose();
                response.Dispose();
            }
            http.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
