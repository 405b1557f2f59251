using System.Net.ServerSentEvents;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace SupplyChainSim.Cli.Live;

/// <summary>
/// The live world page: static files shipped with the program (wwwroot, no front-end build step), the current
/// snapshot as JSON at /api/state, and every new snapshot as a server-sent event at /api/events.
/// </summary>
public static class LivePage
{
    public static void Map(WebApplication app, LiveWorld live)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapGet("/api/state", () => TypedResults.Json(live.Current));
        app.MapGet("/api/events", (CancellationToken cancellationToken) =>
            TypedResults.ServerSentEvents(Events(live, cancellationToken)));
    }

    private static async IAsyncEnumerable<SseItem<LiveState>> Events(LiveWorld live, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var state in live.Updates(cancellationToken))
            yield return new SseItem<LiveState>(state, "state") { EventId = state.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) };
    }
}
