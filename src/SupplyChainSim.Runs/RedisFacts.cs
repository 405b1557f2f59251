using System.Globalization;
using StackExchange.Redis;

namespace SupplyChainSim.Runs;

/// <summary>
/// What the cluster's Redis says of itself that matters to a run: whether it keeps its data on disk (an append-only
/// file or save points), and how long it has been up. A Redis that keeps nothing loses the cluster's membership and
/// every run's checkpoints when it restarts. Null when Redis cannot say (unreachable, or INFO and CONFIG refused).
/// </summary>
public sealed record RedisFacts(bool Persists, TimeSpan Uptime)
{
    public static async Task<RedisFacts?> ReadAsync(ClusterConnection cluster)
    {
        var options = cluster.RedisOptions();
        options.AbortOnConnectFail = true;
        options.ConnectTimeout = 5000;
        options.AllowAdmin = true;
        try
        {
            await using var redis = await ConnectionMultiplexer.ConnectAsync(options);
            var server = redis.GetServer(redis.GetEndPoints()[0]);
            var info = (await server.InfoAsync()).SelectMany(g => g).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
            var uptime = TimeSpan.FromSeconds(long.Parse(info["uptime_in_seconds"], CultureInfo.InvariantCulture));
            if (info.GetValueOrDefault("aof_enabled") == "1") return new RedisFacts(true, uptime);
            var save = await server.ConfigGetAsync("save");
            return new RedisFacts(save.Any(p => p.Value.Trim().Length > 0), uptime);
        }
        catch (Exception e) when (e is RedisException or KeyNotFoundException or FormatException or TimeoutException)
        {
            return null;
        }
    }

    /// <summary>
    /// Why a run of this process cannot go on, when Redis restarted after the process started and keeps nothing on disk:
    /// every run's state is gone, so retrying or resuming is futile. Null otherwise.
    /// </summary>
    public static async Task<string?> RestartedEmptyAsync(ClusterConnection cluster)
    {
        var age = DateTime.Now - System.Diagnostics.Process.GetCurrentProcess().StartTime;
        return await ReadAsync(cluster) is { Persists: false } facts && facts.Uptime < age
            ? $"Redis {cluster.Address} restarted {facts.Uptime.TotalSeconds:N0} s ago and keeps nothing on disk, so the run's checkpoints went with it"
            : null;
    }

    /// <summary>What a Redis that keeps nothing on disk costs, for a warning or an explanation.</summary>
    public const string Loses = "keeps nothing on disk (no append-only file, no save points): when it restarts, the cluster's membership " +
        "and every run's checkpoints are gone, runs in progress cannot be resumed, and the silos exit to be started again; " +
        "start Redis with --appendonly yes";
}
