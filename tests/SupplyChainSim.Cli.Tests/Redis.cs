using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace SupplyChainSim.Cli.Tests;

/// <summary>
/// A private Redis (Debian's redis-server) on a free loopback port, for the cluster tests: never the default 6379, so
/// that it shares nothing with another Redis on the machine; nothing saved to disk. Where redis-server is missing the
/// tests report "skipped" with the reason; CI sets <see cref="RequiredVariable"/>=1 so that it fails them instead.
/// </summary>
internal sealed class RedisServer : IAsyncDisposable
{
    public const string RequiredVariable = "SUPPLYCHAINSIM_REQUIRE_REDIS";
    public const string PathVariable = "SUPPLYCHAINSIM_REDIS_SERVER";
    public const string DefaultPath = "/usr/bin/redis-server";

    private readonly int port;
    private readonly string[] options;
    private Process process;

    private RedisServer(Process process, int port, string[] options)
    {
        this.process = process;
        this.port = port;
        this.options = options;
        Address = $"127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>host:port, as `--cluster` takes it.</summary>
    public string Address { get; }

    /// <summary>redis-server's path; skips the calling [SkippableFact] when it is missing, or fails it when CI requires it.</summary>
    public static string Require()
    {
        var path = Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } set ? set : DefaultPath;
        if (File.Exists(path)) return path;
        var reason = $"no redis-server at {path}: install it (apt-get install redis-server, as .ci/run does) or set {PathVariable} to its path";
        if (Environment.GetEnvironmentVariable(RequiredVariable) == "1") Assert.Fail($"{reason} ({RequiredVariable}=1 requires it)");
        throw new SkipException(reason);
    }

    /// <param name="options">More of redis-server's options, such as "--requirepass", "secret".</param>
    public static async Task<RedisServer> StartAsync(params string[] options)
    {
        var port = FreePort();
        return new RedisServer(await LaunchAsync(port, options), port, options);
    }

    /// <summary>Redis killed (SIGKILL) and started again on the same port, with nothing kept: what a Redis without persistence comes back as.</summary>
    public async Task RestartEmptyAsync()
    {
        await KillAsync();
        process.Dispose();
        process = await LaunchAsync(port, options);
    }

    private static async Task<Process> LaunchAsync(int port, string[] options)
    {
        var start = new ProcessStartInfo(Require()) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" }.Concat(options))
            start.ArgumentList.Add(arg);
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return process;
            }
            catch (SocketException) when (clock.Elapsed < TimeSpan.FromSeconds(10) && !process.HasExited)
            {
                await Task.Delay(50);
            }
        }
    }

    /// <summary>Redis goes at once (SIGKILL), as a crashed server would.</summary>
    public async Task KillAsync()
    {
        if (process.HasExited) return;
        process.Kill();
        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>
/// Worker silo processes (`supplychainsim silo --cluster`), each started and waited for until it has joined, and
/// supervised as a deployment's would be: a silo that exits because the cluster declared it dead (as a silo on a loaded
/// machine may be, its probes late) is started again. Without that, a false eviction before a test's own fault would
/// leave the cluster one silo short, and a test that then kills a silo, none.
/// </summary>
internal sealed class SiloProcesses : IAsyncDisposable
{
    private readonly string[] arguments;
    private readonly IReadOnlyDictionary<string, string>? environment;
    private readonly bool supervised;
    private readonly List<LiveProcess> restarted = [];
    private readonly CancellationTokenSource stopping = new();
    private readonly List<Task> supervising = [];

    private SiloProcesses(IReadOnlyList<LiveProcess> silos, string[] arguments, IReadOnlyDictionary<string, string>? environment, bool supervised)
    {
        Silos = silos;
        this.arguments = arguments;
        this.environment = environment;
        this.supervised = supervised;
    }

    /// <summary>The silos as first started (a test's faults are aimed at these).</summary>
    public IReadOnlyList<LiveProcess> Silos { get; }

    /// <summary>What every silo printed, restarted ones included: for a failure's message.</summary>
    public string Outputs
    {
        get
        {
            List<LiveProcess> all;
            lock (restarted) all = [.. Silos, .. restarted];
            return string.Join("\n", all.Select((s, i) => $"--- silo {i} (pid {s.Id}{(i >= Silos.Count ? ", restarted after an eviction" : "")}):\n{s.Output}"));
        }
    }

    public static Task<SiloProcesses> StartAsync(RedisServer redis, int count, params string[] options) => StartAsync(redis, count, null, options);

    /// <param name="environment">What the silos find in their environment (SUPPLYCHAINSIM_REDIS_PASSWORD).</param>
    public static Task<SiloProcesses> StartAsync(RedisServer redis, int count, IReadOnlyDictionary<string, string>? environment, params string[] options) =>
        StartAsync(redis, count, environment, supervised: true, options);

    /// <summary>Silos that stay down when they exit: for a test of what makes them exit.</summary>
    public static Task<SiloProcesses> StartUnsupervisedAsync(RedisServer redis, int count) => StartAsync(redis, count, null, supervised: false, []);

    private static async Task<SiloProcesses> StartAsync(RedisServer redis, int count, IReadOnlyDictionary<string, string>? environment, bool supervised,
        string[] options)
    {
        string[] arguments = ["silo", "--cluster", redis.Address, .. options];
        var silos = Enumerable.Range(0, count).Select(_ => LiveProcess.Start(environment, arguments)).ToList();
        var started = new SiloProcesses(silos, arguments, environment, supervised);
        try
        {
            foreach (var silo in silos) await silo.WaitForLineAsync("joined", TimeSpan.FromSeconds(60));
        }
        catch
        {
            await started.DisposeAsync();
            throw;
        }
        foreach (var silo in silos) started.Supervise(silo);
        return started;
    }

    private void Supervise(LiveProcess silo)
    {
        if (!supervised) return;
        var watch = Task.Run(async () =>
        {
            try
            {
                if (await silo.ExitedAsync(stopping.Token) != SiloEviction.ExitCode || stopping.IsCancellationRequested) return;
                var again = LiveProcess.Start(environment, arguments);
                lock (restarted) restarted.Add(again);
                Supervise(again);
            }
            catch (OperationCanceledException)
            {
            }
        });
        lock (restarted) supervising.Add(watch);
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        List<Task> watches;
        lock (restarted) watches = [.. supervising];
        await Task.WhenAll(watches);
        foreach (var silo in Silos) await silo.DisposeAsync();
        List<LiveProcess> again;
        lock (restarted) again = [.. restarted];
        foreach (var silo in again) await silo.DisposeAsync();
        stopping.Dispose();
    }
}
