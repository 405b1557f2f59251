using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SupplyChainSim.Grains.Abstractions;
using SupplyChainSim.Runs;

namespace SupplyChainSim.Cli.Live;

/// <summary>
/// What the live web server refuses, since it has no authentication: requests addressed to a host name that is not
/// this server's (DNS rebinding), writes from any page but its own, and grain-state requests for grains outside the
/// run (each would activate a grain). It also ends every request when the server stops, so that open event streams
/// do not hold up Ctrl+C.
/// </summary>
public static class LiveGuards
{
    /// <summary>
    /// The host names the pages answer to (for HostFiltering, which ignores the port): loopback under every name, the
    /// --bind address, and for a wildcard bind (0.0.0.0, ::) this machine's name and addresses, which are how others
    /// reach it then.
    /// </summary>
    public static IList<string> AllowedHosts(string bind)
    {
        var hosts = new List<string> { "127.0.0.1", "localhost", "[::1]" };
        void Add(string host)
        {
            if (!hosts.Contains(host, StringComparer.OrdinalIgnoreCase)) hosts.Add(host);
        }
        if (!IPAddress.TryParse(bind, out var bound))
        {
            Add(bind);
            return hosts;
        }
        Add(HostName(bound));
        if (bound.Equals(IPAddress.Any) || bound.Equals(IPAddress.IPv6Any))
        {
            Add(Dns.GetHostName());
            foreach (var address in NetworkInterface.GetAllNetworkInterfaces()
                .SelectMany(n => n.GetIPProperties().UnicastAddresses).Select(a => a.Address))
                Add(HostName(address));
        }
        return hosts;
    }

    /// <summary>An address as it appears in a Host header: IPv6 in brackets, without a zone.</summary>
    private static string HostName(IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{new IPAddress(address.GetAddressBytes())}]" : address.ToString();

    /// <summary>Every request's RequestAborted also fires when the server begins to stop: event streams (the live page's,
    /// the dashboard's log stream) then end at once instead of keeping the shutdown waiting for its timeout.</summary>
    public static IApplicationBuilder EndRequestsWhenStopping(this IApplicationBuilder app)
    {
        var stopping = app.ApplicationServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        return app.Use(async (context, next) =>
        {
            using var either = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
            context.RequestAborted = either.Token;
            await next(context);
        });
    }

    /// <summary>
    /// Writes (the pause, resume and step controls) only from the page itself: a POST whose Origin is this server, as
    /// the browser states it, under any of the names it answers to (a page opened at http://localhost:PORT is this
    /// server's as much as one at http://127.0.0.1:PORT), on its port. A page elsewhere cannot set Origin, so it cannot
    /// drive the run; a request with no Origin at all is refused too.
    /// </summary>
    public static IResult? CheckSameOrigin(HttpContext context)
    {
        var request = context.Request;
        var origin = request.Headers.Origin;
        var own = $"{request.Scheme}://{request.Host.Value}";
        if (origin.Count != 1 || !IsThisServer(context, origin[0]!, own))
            return TypedResults.Text($"refused: only the live page at {own}/ may do this (Origin: {(origin.Count == 0 ? "none" : origin.ToString())})",
                statusCode: StatusCodes.Status403Forbidden);
        if (request.Headers["Sec-Fetch-Site"] is { Count: 1 } site && site[0] != "same-origin")
            return TypedResults.Text($"refused: a {site[0]} request", statusCode: StatusCodes.Status403Forbidden);
        return null;
    }

    private static bool IsThisServer(HttpContext context, string origin, string own)
    {
        if (string.Equals(origin, own, StringComparison.OrdinalIgnoreCase)) return true;
        var hosts = context.RequestServices.GetRequiredService<IOptions<HostFilteringOptions>>().Value.AllowedHosts;
        return Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.AbsolutePath == "/"
            && uri.Scheme == context.Request.Scheme && uri.Port == context.Connection.LocalPort
            && hosts.Contains(uri.Host, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The dashboard's pages for one silo, each with the silo's address as the last part of its path.</summary>
    private static readonly string[] SiloPages = ["SiloProperties", "SiloMetadata", "SiloStats", "SiloCounters", "HistoricalStats"];

    /// <summary>
    /// In front of the Orleans Dashboard's pages for one silo ({prefix}/SiloProperties/{address} and the like): an address
    /// that is not one of the cluster's silos is answered 404 here. The dashboard would try to reach it, and a malformed
    /// one makes it throw, which the server would log to the run's console.
    /// </summary>
    public static IApplicationBuilder OnlySilosOfTheCluster(this IApplicationBuilder app, string dashboardPrefix)
    {
        var patterns = SiloPages.Select(page => dashboardPrefix.TrimEnd('/') + "/" + page + "/").ToList();
        return app.Use(async (context, next) =>
        {
            if (context.GetEndpoint() is RouteEndpoint endpoint && endpoint.RoutePattern.RawText is { } raw
                && patterns.Any(p => raw.StartsWith(p, StringComparison.OrdinalIgnoreCase))
                && endpoint.RoutePattern.Parameters is [{ IsCatchAll: true } parameter])
            {
                var address = context.Request.RouteValues[parameter.Name] as string ?? "";
                var silos = context.RequestServices.GetRequiredService<IClusterMembershipService>().CurrentSnapshot.Members
                    .Where(m => m.Value.Status == SiloStatus.Active).Select(m => m.Key.ToParsableString()).Order(StringComparer.Ordinal).ToList();
                if (!silos.Contains(address))
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    await context.Response.WriteAsync($"no silo {address} in this run's cluster: its silos are {string.Join(", ", silos)}");
                    return;
                }
            }
            await next(context);
        });
    }

    /// <summary>
    /// In front of the Orleans Dashboard's grain-state view (GET {prefix}/GrainState?grainId=...&amp;grainType=...), which
    /// activates whatever grain it is asked for: only grains of this run are passed on; anything else is answered
    /// 404 before the dashboard sees it. Goes after routing, so that it recognises the endpoint however the path is
    /// spelled.
    /// </summary>
    public static IApplicationBuilder OnlyGrainStateOfTheRun(this IApplicationBuilder app, string dashboardPrefix, RunGrains grains)
    {
        var pattern = dashboardPrefix.TrimEnd('/') + "/GrainState";
        return app.Use(async (context, next) =>
        {
            if (context.GetEndpoint() is RouteEndpoint endpoint && string.Equals(endpoint.RoutePattern.RawText, pattern, StringComparison.OrdinalIgnoreCase))
            {
                var query = context.Request.Query;
                if (query["grainType"] is not { Count: 1 } type || query["grainId"] is not { Count: 1 } id || !grains.Contains(type[0]!, id[0]!))
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    await context.Response.WriteAsync(
                        $"not a grain of this run: the grain-state view shows the grains of run {grains.RunKey} only (ids such as {GrainKeys.Country(grains.RunKey, "CN")})");
                    return;
                }
            }
            await next(context);
        });
    }
}
