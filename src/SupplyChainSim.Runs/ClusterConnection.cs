using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using StackExchange.Redis;

namespace SupplyChainSim.Runs;

/// <summary>
/// A cluster of worker silos: its Redis (membership and grain state) and the ids that keep it apart from other clusters on
/// the same Redis. Silos and clients of one cluster must give the same three.
/// </summary>
public sealed record ClusterConnection(string Redis, string ClusterId = ClusterConnection.DefaultId, string ServiceId = ClusterConnection.DefaultId)
{
    public const string DefaultId = "supplychainsim";

    public override string ToString() => $"cluster {ClusterId} (service {ServiceId}) on Redis {Address}";

    /// <summary>Redis' host:port alone: what is printed, so that a password in the connection string never is.</summary>
    public string Address
    {
        get
        {
            try
            {
                return string.Join(",", ConfigurationOptions.Parse(Redis).EndPoints.Select(e => e switch
                {
                    DnsEndPoint d => $"{d.Host}:{d.Port}",
                    _ => e.ToString(),
                }));
            }
            catch (ArgumentException)
            {
                return Redis;
            }
        }
    }

    /// <summary>
    /// A silo of the cluster: Redis membership and grain state, and a membership protocol that declares a lost silo dead
    /// within seconds (the defaults take about a minute), so that its grains come back on a survivor while a run waits.
    /// </summary>
    internal ISiloBuilder Configure(ISiloBuilder silo)
    {
        silo.UseRedisClustering(Redis);
        silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (ClusterId, ServiceId));
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = TimeSpan.FromSeconds(2);
            o.NumMissedProbesLimit = 2;
            o.NumVotesForDeathDeclaration = 1;
            o.TableRefreshTimeout = TimeSpan.FromSeconds(5);
        });
        // A run's grains are called every month; one idle longer than this is a run whose client went away. Its state is
        // in the checkpoints, so an early collection would cost a restore, not the run; it is kept long to spare that.
        silo.Configure<GrainCollectionOptions>(o => o.CollectionAge = TimeSpan.FromHours(2));
        // A month of a large world, or a checkpoint part, may take longer than the default 30 s.
        silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromMinutes(5));
        return silo;
    }

    internal IClientBuilder Configure(IClientBuilder client)
    {
        client.UseRedisClustering(Redis);
        client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (ClusterId, ServiceId));
        client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromMinutes(5));
        client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(5));
        return client;
    }
}
