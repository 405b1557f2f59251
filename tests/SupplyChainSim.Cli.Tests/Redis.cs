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

/// <summary>Worker silo processes (`supplychainsim silo --cluster`), each started and waited for until it has joined.</summary>
internal sealed class SiloProcesses : IAsyncDisposable
{
    private SiloProcesses(IReadOnlyList<LiveProcess> silos) => Silos = silos;

    public IReadOnlyList<LiveProcess> Silos { get; }

    public static Task<SiloProcesses> StartAsync(RedisServer redis, int count, params string[] options) => StartAsync(redis, count, null, options);

    /// <param name="environment">What the silos find in their environment (SUPPLYCHAINSIM_REDIS_PASSWORD).</param>
    public static async Task<SiloProcesses> StartAsync(RedisServer redis, int count, IReadOnlyDictionary<string, string>? environment, params string[] options)
    {
        var silos = Enumerable.Range(0, count).Select(_ => LiveProcess.Start(environment, ["silo", "--cluster", redis.Address, .. options])).ToList();
        var started = new SiloProcesses(silos);
        try
        {
            foreach (var silo in silos) await silo.WaitForLineAsync("joined", TimeSpan.FromSeconds(60));
        }
        catch
        {
            await started.DisposeAsync();
            throw;
        }
        return started;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in Silos) await silo.DisposeAsync();
    }
}
