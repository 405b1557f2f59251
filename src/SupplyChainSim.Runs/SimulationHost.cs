using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
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
            return new SimulationHost(host, null, TimeSpan.FromSeconds(10), cluster) { Parallelism = Math.Max(2, 2 * silos.Count), Warn = warn };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            host.Dispose();
            throw new ClusterRunLostException($"cannot join {cluster}: {ClusterFailures.Describe(e)}. " +
                $"Is Redis running there, and at least one silo (`{Tool.Invocation} silo --cluster {cluster.Address}`) with the same --cluster-id and --service-id? Nothing was run or written.", e);
        }
    }

    private static readonly TimeSpan JoinTimeout = TimeSpan.FromSeconds(30);

    /// <summary>A worker silo of the cluster, listening on <paramref name="address"/> only.</summary>
    public static async Task<SimulationHost> StartSiloAsync(ClusterConnection cluster, IPAddress address, int siloPort, int gatewayPort,
        CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder();
        Configure(builder.Logging);
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
        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            host.Dispose();
            throw new ClusterRunLostException($"the silo could not join {cluster}: {ClusterFailures.Describe(e)}", e);
        }
        return new SimulationHost(host, null, TimeSpan.FromSeconds(10), cluster) { Endpoint = $"{address}:{siloPort} (gateway {gatewayPort})" };
    }

    /// <summary>Where the live page is served, when it is.</summary>
    public Uri? Address { get; }

    public static async Task<SimulationHost> StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = Host.CreateApplicationBuilder();
        Configure(builder.Logging);
        builder.UseOrleans(silo => Embedded(silo));
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return new SimulationHost(host, null, TimeSpan.FromSeconds(10));
    }

    /// <summary>Runs a world to the end on this silo, reporting each month as it is recorded.</summary>
    /// <param name="licences">Where each month's decisions are written as it is stepped (the results keep only their counts).</param>
    public Task<RunResults> RunAsync(World world, string runKey, Func<MonthReport, CancellationToken, Task> onMonth, CancellationToken cancellationToken,
        LicenceLog? licences = null) =>
        GrainRun.RunAsync(Grains, world, runKey, onMonth, cancellationToken, licences: licences);

    public async ValueTask DisposeAsync()
    {
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
        // A silo of a cluster lost: the command says so in a line of its own, and what it does about it.
        "Orleans.Runtime.Messaging.Connection",
    ];

    /// <summary>
    /// Orleans' runtime timers, each with a category of its own under this prefix ("...AsyncTimer.LocalSiloHealthMonitor",
    /// "...AsyncTimer.ActivationWorkingSet.MonitorWorkingSet"): their one warning is that a timer "should have fired" seconds
    /// earlier, the thread-pool stall again in other words.
    /// </summary>
    internal const string QuietTimerCategories = "Orleans.Runtime.AsyncTimer.";

    internal static bool Quiet(string? category) =>
        category is not null && (QuietCategories.Contains(category) || category.StartsWith(QuietTimerCategories, StringComparison.Ordinal));

    /// <summary>Logging for a command-line run: warnings and errors to standard error, without Orleans' noise.</summary>
    public static void Configure(ILoggingBuilder logging)
    {
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
        logging.AddFilter((category, level) => level >= (Quiet(category) ? LogLevel.Error : LogLevel.Warning));
        // A host that fails to start (a taken port) throws, and the command reports that once, without a stack trace.
        logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
    }

    private static int FreePort(IPAddress? address = null)
    {
        using var listener = new TcpListener(address ?? IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
