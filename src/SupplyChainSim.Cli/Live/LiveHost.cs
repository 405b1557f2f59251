using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Dashboard;
using SupplyChainSim.Runs;

namespace SupplyChainSim.Cli.Live;

/// <summary>
/// The embedded silo of `run --dashboard`, with the Orleans Dashboard at /dashboard and the live world page at / on one
/// web server in the same process, which answers only to its own host names (<see cref="LiveGuards.AllowedHosts"/>;
/// others get 400).
/// </summary>
internal static class LiveHost
{
    public static async Task<SimulationHost> StartAsync(LiveRequest request, LiveWorld live, LivePacing pacing, RunGrains grains,
        CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        var starting = SimulationHost.Configure(builder.Logging);
        builder.WebHost.UseUrls($"http://{UrlHost(request.Bind, request.Port)}:{request.Port}");
        builder.Services.Configure<HostFilteringOptions>(o =>
        {
            o.AllowedHosts = LiveGuards.AllowedHosts(request.Bind);
            o.AllowEmptyHosts = false;
        });
        builder.UseOrleans(silo => SimulationHost.Embedded(silo).AddDashboard());
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

    /// <summary>
    /// IPv6 literals go in brackets in a URL. Kestrel cannot pick a free port for "localhost" (both loopbacks at once),
    /// so localhost with port 0 listens on 127.0.0.1.
    /// </summary>
    private static string UrlHost(string bind, int port) =>
        bind == "localhost" && port == 0 ? "127.0.0.1"
        : IPAddress.TryParse(bind, out var ip) && ip.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{bind}]" : bind;
}
