using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Messaging;
using SupplyChainSim.Grains;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Worlds;
using SupplyChainSim.Output;

namespace SupplyChainSim.Runs;

/// <summary>
/// Where runs run. By default one Orleans silo in this process, localhost clustering, memory grain storage; ports are
/// picked free at start so that several runs (or test runs) can share a machine. With a cluster, a client of its worker
/// silos, or one of those silos (the `silo` command).
/// </summary>
public sealed class SimulationHost : IAsyncDisposable
{
    private readonly IHost host;

    private readonly TimeSpan stopTimeout;

    /// <param name="host">Started, with a silo (<see cref="Embedded"/>) or a client of the cluster in it.</param>
    /// <param name="address">Where <paramref name="host"/> serves pages, when it does.</param>
    /// <param name="stopTimeout">How long stopping may take before the host is abandoned.</param>
    public SimulationHost(IHost host, Uri? address, TimeSpan stopTimeout, ClusterConnection? cluster = null)
    {
        this.host = host;
        Address = address;
        this.stopTimeout = stopTimeout;
        Cluster = cluster;
    }

    public IGrainFactory Grains => host.Services.GetRequiredService<IGrainFactory>();

    public IServiceProvider Services => host.Services;

    /// <summary>A client's watch on the cluster's membership: calls through it are abandoned when a silo is lost.</summary>
    internal ClusterWatch? Watch { get; private init; }

    /// <summary>The cluster this process is a client of, or null for the embedded silo.</summary>
    public ClusterConnection? Cluster { get; }

    /// <summary>Runs under way at once: a few per silo of the cluster, or one per core of the embedded silo.</summary>
    public int Parallelism { get; private init; } = Environment.ProcessorCount;

    /// <summary>A worker silo's silo-to-silo endpoint (for the `silo` command's first line).</summary>
    public string? Endpoint { get; private init; }

    /// <summary>Where a run on the cluster says what it does about a failure it recovers from (a retry), a line each.</summary>
    public Action<string> Warn { get; private init; } = _ => { };

    /// <summary>The embedded silo, or, with <paramref name="cluster"/>, a client of that cluster's worker silos.</summary>
    /// <param name="warn">Told what a run on the cluster does about a failure it recovers from.</param>
    public static Task<SimulationHost> StartAsync(ClusterConnection? cluster, Action<string> warn, CancellationToken cancellationToken = default) =>
        cluster is null ? StartAsync(cancellationToken) : ConnectAsync(cluster, warn, cancellationToken);

    /// <summary>
    /// Joins the cluster as a client: it hosts no grains, so the work (and every run's coordinator) is on the silos, and
    /// this process only drives runs and writes their files.
    /// </summary>
    private static async Task<SimulationHost> ConnectAsync(ClusterConnection cluster, Action<string> warn, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder();
        Configure(builder.Logging);
        // The client's own failures (a silo lost, Redis gone) are the command's to report, once and without a stack
        // trace; Orleans would log each of them again, with one.
        builder.Logging.AddFilter("Orleans", LogLevel.Critical);
        builder.UseOrleansClient(client => cluster.Configure(client));
        builder.Services.AddModelSerialization();
        var host = builder.Build();
        try
        {
            // With Redis up but no silo of this cluster in it, the client would wait for a gateway for ever.
            var start = host.StartAsync(cancellationToken);
            if (await Task.WhenAny(start, Task.Delay(JoinTimeout, cancellationToken)) != start)
                throw new TimeoutException($"no silo of the cluster answered within {JoinTimeout.TotalSeconds:0} s");
            await start;
            var silos = await host.Services.GetRequiredService<IClusterClient>().GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
            var watch = await ClusterWatch.StartAsync(host.Services.GetRequiredService<IGatewayListProvider>());
            return new SimulationHost(host, null, TimeSpan.FromSeconds(10), cluster) { Parallelism = Math.Max(2, 2 * silos.Count), Watch = watch, Warn = warn };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            host.Dispose();
            throw new ClusterRunLostException($"cannot join {cluster}: {ClusterFailures.Describe(e)}. {PasswordAdvice(cluster, e)}" +
                $"Is Redis running there, and at least one silo (`{Tool.Invocation} silo {cluster.Options}`{cluster.PasswordHint}) with the same --cluster-id and --service-id? Nothing was run or written.", e);
        }
    }

    /// <summary>For a failure to log in to Redis: where the password goes.</summary>
    private static string PasswordAdvice(ClusterConnection cluster, Exception e) =>
        ClusterFailures.IsAuthentication(e)
            ? $"Redis {cluster.Address} {(cluster.HasPassword ? "refused the password" : "asks for a password")}: give it in {ClusterConnection.PasswordVariable} or in a file given as --cluster-password-file. "
            : "";

    private static readonly TimeSpan JoinTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A worker silo of the cluster, listening on <paramref name="address"/> only. Ports picked free (0) may be taken by
    /// another process before the silo listens on them: then they are picked again, a few times.
    /// </summary>
    /// <param name="services">The caller's own services for the silo: what it does on a fatal error of the runtime, being declared
    /// dead among them (the silo command prints one line and exits).</param>
    public static async Task<SimulationHost> StartSiloAsync(ClusterConnection cluster, IPAddress address, int siloPort, int gatewayPort,
        Action<IServiceCollection> services, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartSiloOnceAsync(cluster, address, siloPort, gatewayPort, services, cancellationToken);
            }
            catch (ClusterRunLostException e) when (attempt < 3 && (siloPort == 0 || gatewayPort == 0) && ClusterFailures.IsAddressInUse(e))
            {
            }
        }
    }

    private static async Task<SimulationHost> StartSiloOnceAsync(ClusterConnection cluster, IPAddress address, int siloPort, int gatewayPort,
        Action<IServiceCollection> services, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder();
        var starting = Configure(builder.Logging);
        try
        {
            siloPort = siloPort == 0 ? FreePort(address) : siloPort;
            gatewayPort = gatewayPort == 0 ? FreePort(address) : gatewayPort;
        }
        catch (SocketException e)
        {
            throw new ClusterRunLostException($"the silo could not join {cluster}: --bind {address}: cannot listen there: {e.Message}", e);
        }
        builder.UseOrleans(silo => cluster.Configure(silo)
            .ConfigureEndpoints(address, siloPort, gatewayPort, listenOnAnyHostAddress: false)
            .AddSupplyChainSim(cluster));
        services(builder.Services);
        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            host.Dispose();
            throw new ClusterRunLostException($"the silo could not join {cluster}: {ClusterFailures.Describe(e)}{(PasswordAdvice(cluster, e) is { Length: > 0 } advice ? ". " + advice.TrimEnd() : "")}", e);
        }
        starting.Started();
        return new SimulationHost(host, null, TimeSpan.FromSeconds(10), cluster) { Endpoint = $"{address}:{siloPort} (gateway {gatewayPort})" };
    }

    /// <summary>Where the live page is served, when it is.</summary>
    public Uri? Address { get; }

    public static async Task<SimulationHost> StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = Host.CreateApplicationBuilder();
        var starting = Configure(builder.Logging);
        builder.UseOrleans(silo => Embedded(silo));
        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch
        {
            host.Dispose();
            throw;
        }
        starting.Started();
        return new SimulationHost(host, null, TimeSpan.FromSeconds(10));
    }

    /// <summary>Runs a world to the end on this silo, reporting each month as it is recorded.</summary>
    /// <param name="licences">Where each month's decisions are written as it is stepped (the results keep only their counts).</param>
    public Task<RunResults> RunAsync(World world, string runKey, Func<MonthReport, CancellationToken, Task> onMonth, CancellationToken cancellationToken,
        LicenceLog? licences = null) =>
        GrainRun.RunAsync(Grains, world, runKey, onMonth, cancellationToken, licences: licences);

    public async ValueTask DisposeAsync()
    {
        if (Watch is not null) await Watch.DisposeAsync();
        await host.StopAsync(stopTimeout);
        if (host is IAsyncDisposable disposable) await disposable.DisposeAsync();
        else host.Dispose();
    }

    /// <summary>The embedded silo: localhost clustering on free ports, and what every silo of SupplyChainSim needs.</summary>
    public static ISiloBuilder Embedded(ISiloBuilder silo) => silo
        .UseLocalhostClustering(siloPort: FreePort(), gatewayPort: FreePort())
        .AddSupplyChainSim();

    /// <summary>Orleans log categories whose warnings are noise for a command-line run (errors still show).</summary>
    internal static readonly IReadOnlyList<string> QuietCategories =
    [
        "Orleans.Runtime.MembershipService.LocalSiloHealthMonitor", "Orleans.Runtime.Scheduler.WorkItemGroup", "Orleans.Runtime.Silo",
        "Orleans.Runtime.SiloLifecycleSubject",
        // A silo of a cluster lost: the command says so in a line of its own, and what it does about it; the survivors'
        // attempts to reach it again are the same news.
        "Orleans.Runtime.Messaging.Connection", "Orleans.Runtime.Messaging.ConnectionManager",
    ];

    /// <summary>
    /// The membership protocol's categories, whose errors are hidden too: on a worker silo, a silo lost, a silo declared
    /// dead (this one: the silo command (SiloEviction) says so in one line and exits), Redis lost or restarted empty
    /// (the silo command says so) would each be logged every few seconds, with stack traces.
    /// </summary>
    public static readonly IReadOnlyList<string> SilentCategories =
    [
        "Orleans.Runtime.MembershipService.SiloHealthMonitor", "Orleans.Runtime.MembershipService.MembershipTableManager",
        "Orleans.Runtime.MembershipService.MembershipAgent", "Orleans.Runtime.MembershipService.ClusterHealthMonitor",
        "Orleans.Runtime.FatalErrorHandler",
    ];

    /// <summary>
    /// Orleans' runtime timers, each with a category of its own under this prefix ("...AsyncTimer.LocalSiloHealthMonitor",
    /// "...AsyncTimer.ActivationWorkingSet.MonitorWorkingSet"): their one warning is that a timer "should have fired" seconds
    /// earlier, the thread-pool stall again in other words.
    /// </summary>
    internal const string QuietTimerCategories = "Orleans.Runtime.AsyncTimer.";

    internal static bool Quiet(string? category) =>
        category is not null && (QuietCategories.Contains(category) || category.StartsWith(QuietTimerCategories, StringComparison.Ordinal));

    /// <summary>
    /// The console logger of every host. Until <see cref="StartupLogs.Started"/>, Orleans logs nothing below critical: a
    /// silo that fails to start (Redis refusing the password, Ctrl+C while it starts) is reported by the command in one
    /// line, where Orleans would log the failure again at each stage of its start-up, with a stack trace each time.
    /// </summary>
    public static StartupLogs Configure(ILoggingBuilder logging)
    {
        var starting = new StartupLogs();
        logging.ClearProviders();
        logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        logging.SetMinimumLevel(LogLevel.Warning);
        // The watchdog's first check can report a stale interval ("not completed for 57 minutes") in a short-lived
        // process; it is noise for a command-line run.
        logging.AddFilter("Orleans.Runtime.Watchdog", LogLevel.Error);
        // On a busy machine the health monitor warns that the .NET thread pool "stalled" (during sweeps, say) and the
        // scheduler that a grain's turn "took longer than 00:00:01", and Ctrl+C ends with the silo's "non-graceful"
        // shutdown warning, the lifecycle that a stage "stopped in 00:00:01.9" (deactivating the grains of a world with a
        // grain per agent takes that long), and runtime timers that they fired late: none says anything a command-line user
        // can act on. Their errors still show.
        // (A filter on the exact names: a category rule would match every category that starts with the same text. It
        // is the rule for every category without one of its own, so it keeps the minimum level too.)
        logging.AddFilter((category, level) =>
            level >= (SilentCategories.Contains(category) ? LogLevel.Critical : Quiet(category) ? LogLevel.Error : LogLevel.Warning) && starting.Shows(category, level));
        // A host that fails to start (a taken port) throws, and the command reports that once, without a stack trace.
        logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        return starting;
    }

    private static int FreePort(IPAddress? address = null)
    {
        using var listener = new TcpListener(address ?? IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
