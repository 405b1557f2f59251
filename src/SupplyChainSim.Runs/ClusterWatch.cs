using Orleans.Messaging;

namespace SupplyChainSim.Runs;

/// <summary>
/// A client's watch on the cluster's membership: once a second it reads from Redis the gateways of the silos that
/// membership holds active. A silo declared dead (killed, frozen, cut off) or stopped drops out of that list within
/// about 10 s; every call then under way through <see cref="CallAsync"/> is abandoned with a <see cref="SiloLostException"/>,
/// so that its caller retries at once. (Orleans fails a silo's own calls to a dead silo, but a client's call whose
/// reply was to come through the lost silo, or from a grain on it, would wait for its whole response timeout.) The few
/// calls that did not involve the lost silo are retried too: a retry costs a month, or a replication, where a lost
/// reply cost minutes. Calls are held back for a moment after a loss, until the client's own gateway list, read from
/// Redis every second too, no longer routes through the lost silo.
/// </summary>
internal sealed class ClusterWatch : IAsyncDisposable
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(1);

    /// <summary>How long after a loss no call is started: a few refreshes of the client's gateway list.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(3);

    private readonly IGatewayListProvider gateways;
    private readonly CancellationTokenSource stopping = new();
    private readonly Task watching;
    private readonly Lock gate = new();
    private CancellationTokenSource lost = new();
    private string lastLoss = "";
    private DateTime settledAt = DateTime.MinValue;

    private ClusterWatch(IGatewayListProvider gateways, IReadOnlySet<Uri> active)
    {
        this.gateways = gateways;
        watching = WatchAsync(active);
    }

    public static async Task<ClusterWatch> StartAsync(IGatewayListProvider gateways) => new(gateways, (await gateways.GetGateways()).ToHashSet());

    /// <summary>
    /// Makes the call, unless a silo was lost a moment ago (then after <see cref="Settle"/>); abandons it if a silo
    /// leaves the cluster before it returns.
    /// </summary>
    public async Task<T> CallAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        DateTime settled;
        lock (gate) settled = settledAt;
        if (settled > DateTime.UtcNow) await Task.Delay(settled - DateTime.UtcNow, cancellationToken);
        CancellationToken watched;
        lock (gate) watched = lost.Token;
        var calling = call();
        using var either = CancellationTokenSource.CreateLinkedTokenSource(watched, cancellationToken);
        try
        {
            return await calling.WaitAsync(either.Token);
        }
        catch (OperationCanceledException) when (!calling.IsCompleted && !cancellationToken.IsCancellationRequested)
        {
            _ = calling.ContinueWith(t => t.Exception, TaskScheduler.Default); // its late failure is not news
            string what;
            lock (gate) what = lastLoss;
            throw new SiloLostException($"{what} left the cluster while the run waited for it");
        }
    }

    private async Task WatchAsync(IReadOnlySet<Uri> active)
    {
        var known = new HashSet<Uri>(active);
        using var timer = new PeriodicTimer(Period);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping.Token))
            {
                IList<Uri> now;
                try
                {
                    now = await gateways.GetGateways().WaitAsync(TimeSpan.FromSeconds(5), stopping.Token);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    continue; // Redis unreachable: the calls report that themselves
                }
                var gone = known.Where(g => !now.Contains(g)).ToList();
                known = now.ToHashSet();
                if (gone.Count > 0) Lose(gone);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void Lose(IReadOnlyList<Uri> gone)
    {
        CancellationTokenSource abandoned;
        lock (gate)
        {
            abandoned = lost;
            lost = new CancellationTokenSource();
            lastLoss = $"the silo with gateway {string.Join(", ", gone.Select(g => $"{g.Host}:{g.Port}"))}";
            settledAt = DateTime.UtcNow + Settle;
        }
        // Not disposed: a call may be taking its token right now.
        abandoned.Cancel();
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        await watching;
        stopping.Dispose();
        lost.Dispose();
    }
}
