using Microsoft.Extensions.DependencyInjection;
using Orleans.Clustering.Redis;
using StackExchange.Redis;

using SupplyChainSim.Runs;

namespace SupplyChainSim.Cli;

/// <summary>
/// Checks every few seconds that the cluster's Redis still holds this silo's membership entry. A Redis restarted without
/// its data holds none: Orleans would keep the silo running outside any cluster, logging the failed updates for ever,
/// and clients would find no silo. The silo exits instead (<see cref="SiloEviction"/>), to be started again and join
/// the new, empty cluster. Redis unreachable is waited out: the entry may still be there when it is back.
/// </summary>
internal static class SiloMembershipWatch
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(2);

    public static async Task RunAsync(IServiceProvider services, ClusterConnection cluster, CancellationToken cancellationToken)
    {
        var table = services.GetRequiredService<IMembershipTable>();
        var self = services.GetRequiredService<ILocalSiloDetails>().SiloAddress;
        var eviction = services.GetRequiredService<SiloEviction>();
        var lost = $"Redis ({cluster.Address}) no longer holds its membership entry: Redis restarted without its data (as a Redis that keeps " +
            "nothing on disk does; start it with --appendonly yes), and every run in progress on the cluster was lost with it";
        var failures = 0;
        var unreachable = false;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Period, cancellationToken);
                var row = await table.ReadRowAsync(self, cancellationToken).WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
                var entry = row.Members.Select(m => m.Item1).FirstOrDefault(m => m.SiloAddress.Equals(self));
                if (entry is null) eviction.Exit(lost);
                else if (entry.Status == SiloStatus.Dead) eviction.Exit(SiloEviction.DeclaredDead);
                failures = 0;
                if (unreachable) Console.Error.WriteLine($"supplychainsim: silo {self.Endpoint} reaches Redis {cluster.Address} again.");
                unreachable = false;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (RedisClusteringException) when (++failures >= 2)
            {
                // The provider's answer when the table itself is gone (twice in a row: not a passing conflict).
                eviction.Exit(lost);
            }
            catch (RedisClusteringException)
            {
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                // Redis unreachable or slow: said once, and waited for.
                if (!unreachable)
                    Console.Error.WriteLine(TerminalText.Safe($"supplychainsim: warning: silo {self.Endpoint} cannot reach Redis {cluster.Address} " +
                        $"({ClusterFailures.Describe(e)}); it waits for Redis, and runs on the cluster stop until Redis is back."));
                unreachable = true;
            }
        }
    }
}
