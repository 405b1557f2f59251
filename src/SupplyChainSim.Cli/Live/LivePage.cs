using System.Net.ServerSentEvents;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SupplyChainSim.Runs;

namespace SupplyChainSim.Cli.Live;

/// <summary>
/// The live world page: static files shipped with the program (wwwroot, no front-end build step), the current
/// snapshot as JSON at /api/state, every new snapshot as a server-sent event at /api/events, and the pacing controls
/// (POST /api/pause, /api/resume, /api/step), which only the page itself may use.
/// </summary>
public static class LivePage
{
    /// <summary>Where <see cref="LiveHost"/> mounts the Orleans Dashboard.</summary>
    public const string DashboardPrefix = "/dashboard";

    public static void Map(WebApplication app, LiveWorld live, LivePacing pacing, RunGrains grains)
    {
        app.UseHostFiltering();
        app.EndRequestsWhenStopping();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseRouting();
        app.OnlyGrainStateOfTheRun(DashboardPrefix, grains);
        app.OnlySilosOfTheCluster(DashboardPrefix);
        app.MapGet("/api/state", () => TypedResults.Json(live.Current));
        app.MapGet("/api/events", (CancellationToken cancellationToken) =>
            TypedResults.ServerSentEvents(Events(live, cancellationToken)));
        app.MapPost("/api/pause", (HttpContext context) => Control(context, live, pacing.Pause));
        app.MapPost("/api/resume", (HttpContext context) => Control(context, live, pacing.Resume));
        app.MapPost("/api/step", (HttpContext context) => Control(context, live, pacing.Step));
    }

    private static IResult Control(HttpContext context, LiveWorld live, Action change)
    {
        if (LiveGuards.CheckSameOrigin(context) is { } refused) return refused;
        if (live.Current.Status is LiveStatus.Finished or LiveStatus.Failed)
            return TypedResults.Text("the run is over: there is no next month to pace", statusCode: StatusCodes.Status409Conflict);
        change();
        return TypedResults.NoContent();
    }

    private static async IAsyncEnumerable<SseItem<LiveState>> Events(LiveWorld live, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var state in live.Updates(cancellationToken))
            yield return new SseItem<LiveState>(state, "state") { EventId = state.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) };
    }
}
