using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SupplyChainSim.Grains;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Worlds;

namespace SupplyChainSim.Cli;

/// <summary>
/// The embedded default: one Orleans silo in this process, localhost clustering, memory grain storage. Ports are
/// picked free at start so that several runs (or test runs) can share a machine.
/// </summary>
public sealed class SimulationHost : IAsyncDisposable
{
    private readonly IHost host;

    private SimulationHost(IHost host) => this.host = host;

    public IGrainFactory Grains => host.Services.GetRequiredService<IGrainFactory>();

    public static async Task<SimulationHost> StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // The watchdog's first check can report a stale interval ("not completed for 57 minutes") in a short-lived
        // process; it is noise for a command-line run.
        builder.Logging.AddFilter("Orleans.Runtime.Watchdog", LogLevel.Error);
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(siloPort: FreePort(), gatewayPort: FreePort())
            .AddSupplyChainSim());
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return new SimulationHost(host);
    }

    /// <summary>Runs a world to the end on this silo, reporting each month as it is recorded.</summary>
    public Task<RunResults> RunAsync(World world, string runKey, Action<MonthReport> onMonth, CancellationToken cancellationToken) =>
        GrainRun.RunAsync(Grains, world, runKey, onMonth, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync(TimeSpan.FromSeconds(10));
        host.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
