using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Dashboard;
using Orleans.Messaging;
using SupplyChainSim.Cli.Live;
using SupplyChainSim.Grains;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Worlds;
using SupplyChainSim.Output;

namespace SupplyChainSim.Cli;

/// <summary>
/// The embedded default: one Orleans silo in this process, localhost clustering, memory grain storage. Ports are
/// picked free at start so that several runs (or test runs) can share a machine. With <see cref="LiveOptions"/>, the
/// same process also serves the Orleans Dashboard and the live world page over HTTP.
/// </summary>
public sealed class SimulationHost : IAsyncDisposable
{
    private readonly IHost host;

    private readonly TimeSpan stopTimeout;

    private SimulationHost(IHost host, Uri? address, TimeSpan stopTimeout, ClusterConnection? cluster = null)
    {
        this.host = host;
        Address = address;
        this.stopTimeout = stopTimeout;
        Cluster = cluster;
    }

    public IGrainFactory Grains => host.Services.GetRequiredService<IGrainFactory>();

    internal IServiceProvider Services => host.Services;

    /// <summary>A client's watch on the cluster's membership: calls through it are abandoned when a silo is lost.</summary>
    internal ClusterWatch? Watch { get; private init; }

    /// <summary>The cluster this process is a client of, or null for the embedded silo.</summary>
    public ClusterConnection? Cluster { get; }

    /// <summary>Runs under way at once: a few per silo of the cluster, or one per core of the embedded silo.</summary>
    public int Parallelism { get; private init; } = Environment.ProcessorCount;

    /// <summary>A worker silo's silo-to-silo endpoint (for the `silo` command's first line).</summary>
    public string? Endpoint { get; private init; }

    /// <summary>The embedded silo, or, with <paramref name="cluster"/>, a client of that cluster's worker silos.</summary>
    public static Task<SimulationHost> StartAsync(ClusterConnection? cluster, CancellationToken cancellationToken = default) =>
        cluster is null ? StartAsync(cancellationToken) : ConnectAsync(cluster, cancellationToken);

    /// <summary>
    /// Joins the cluster as a client: it hosts no grains, so the work (and every run's coordinator) is on the silos, and
    /// this process only drives runs and writes their files.
    /// </summary>
    private static async Task<SimulationHost> ConnectAsync(ClusterConnection cluster, CancellationToken cancellationToken)
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
            return new SimulationHost(host, null, TimeSpan.FromSeconds(10), cluster) { Parallelism = Math.Max(2, 2 * silos.Count), Watch = watch };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            host.Dispose();
            throw new ClusterRunLostException($"cannot join {cluster}: {ClusterFailures.Describe(e)}. {PasswordAdvice(cluster, e)}" +
                $"Is Redis running there, and at least one silo (`{Commands.Invocation} silo {cluster.Options}`{cluster.PasswordHint}) with the same --cluster-id and --service-id? Nothing was run or written.", e);
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
    public static async Task<SimulationHost> StartSiloAsync(ClusterConnection cluster, IPAddress address, int siloPort, int gatewayPort,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartSiloOnceAsync(cluster, address, siloPort, gatewayPort, cancellationToken);
            }
            catch (ClusterRunLostException e) when (attempt < 3 && (siloPort == 0 || gatewayPort == 0) && ClusterFailures.IsAddressInUse(e))
            {
            }
        }
    }

    private static async Task<SimulationHost> StartSiloOnceAsync(ClusterConnection cluster, IPAddress address, int siloPort, int gatewayPort,
        CancellationToken cancellationToken)
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
        builder.UseOrleans(silo => Silo(silo));
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

    /// <summary>
    /// Starts the silo with the Orleans Dashboard at /dashboard and the live world page at / on one web server, which
    /// answers only to its own host names (<see cref="LiveGuards.AllowedHosts"/>; others get 400).
    /// </summary>
    public static async Task<SimulationHost> StartLiveAsync(LiveOptions options, LiveWorld live, LivePacing pacing, RunGrains grains,
        CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        var starting = Configure(builder.Logging);
        builder.WebHost.UseUrls($"http://{UrlHost(options.Bind, options.Port)}:{options.Port}");
        builder.Services.Configure<HostFilteringOptions>(o =>
        {
            o.AllowedHosts = LiveGuards.AllowedHosts(options.Bind);
            o.AllowEmptyHosts = false;
        });
        builder.UseOrleans(silo => Silo(silo).AddDashboard());
        // Profile grain calls from the first month, not only once someone opens the dashboard: the run's call
        // history is then there whenever they look.
        builder.Services.Configure<GrainProfilerOptions>(o => o.TraceAlways = true);
        var app = builder.Build();
        LivePage.Map(app, live, pacing, grains);
        app.MapOrleansDashboard(routePrefix: LivePage.DashboardPrefix);
        await app.StartAsync(cancellationToken);
        starting.Started();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        // A person waits on Ctrl+C here. Open pages no longer hold the server up (LiveGuards.EndRequestsWhenStopping) and the
        // silo stops in well under a second, so this bound is only a backstop, and the run's files are written by then.
        return new SimulationHost(app, new Uri(address.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).Replace("[::]", "[::1]", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(3));
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

    private static ISiloBuilder Silo(ISiloBuilder silo) => silo
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
    /// dead (this one: <see cref="SiloEviction"/> says so in one line and exits), Redis lost or restarted empty
    /// (<see cref="SiloMembershipWatch"/> says so) would each be logged every few seconds, with stack traces.
    /// </summary>
    internal static readonly IReadOnlyList<string> SilentCategories =
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
    internal static StartupLogs Configure(ILoggingBuilder logging)
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

    /// <summary>
    /// IPv6 literals go in brackets in a URL. Kestrel cannot pick a free port for "localhost" (both loopbacks at once),
    /// so localhost with port 0 listens on 127.0.0.1.
    /// </summary>
    private static string UrlHost(string bind, int port) =>
        bind == "localhost" && port == 0 ? "127.0.0.1"
        : IPAddress.TryParse(bind, out var ip) && ip.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{bind}]" : bind;

    private static int FreePort(IPAddress? address = null)
    {
        using var listener = new TcpListener(address ?? IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
