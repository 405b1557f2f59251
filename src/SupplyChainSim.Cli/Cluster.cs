using System.CommandLine;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Spectre.Console;
using StackExchange.Redis;

namespace SupplyChainSim.Cli;

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

/// <summary>
/// `--cluster`, `--cluster-id` and `--service-id`, for `silo` and every command that runs simulations. A command that runs
/// replications takes them with <see cref="AddTo"/> and <see cref="Read"/>, and passes what Read gives to
/// <see cref="SimulationHost.StartAsync(ClusterConnection?, CancellationToken)"/>: the rest is the same with or without.
/// </summary>
internal sealed class ClusterCommandOptions(bool required = false)
{
    public readonly Option<string> Redis = new("--cluster")
    {
        Description = required
            ? "The cluster's Redis, as host:port (StackExchange.Redis configuration, such as 127.0.0.1:6380,password=...)."
            : "Run on a cluster of worker silos (`silo`) instead of in this process: the cluster's Redis, as host:port.",
        HelpName = "redis",
        Required = required,
    };

    public readonly Option<string> ClusterId = new("--cluster-id")
    {
        Description = $"The cluster's id: silos and clients of one cluster give the same (default {ClusterConnection.DefaultId}).",
        DefaultValueFactory = _ => ClusterConnection.DefaultId,
    };

    public readonly Option<string> ServiceId = new("--service-id")
    {
        Description = $"The service id, which also keys grain state in Redis: two clusters on one Redis give different ones (default {ClusterConnection.DefaultId}).",
        DefaultValueFactory = _ => ClusterConnection.DefaultId,
    };

    public void AddTo(Command command)
    {
        command.Add(Redis);
        command.Add(ClusterId);
        command.Add(ServiceId);
        Redis.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            try
            {
                if (ConfigurationOptions.Parse(value).EndPoints.Count == 0) result.AddError($"--cluster: expected a Redis address such as 127.0.0.1:6380, found '{value}'");
            }
            catch (Exception e) when (e is ArgumentException or RedisConnectionException or NotSupportedException)
            {
                result.AddError($"--cluster: expected a Redis address such as 127.0.0.1:6380, found '{value}' ({e.Message})");
            }
        });
        foreach (var id in new[] { ClusterId, ServiceId })
            id.Validators.Add(result =>
            {
                var value = result.GetValueOrDefault<string>();
                if (value.Length is 0 or > 100 || !value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
                    result.AddError($"{id.Name}: expected 1 to 100 letters, digits, '-', '_' or '.', found '{value}'");
            });
        command.Validators.Add(result =>
        {
            if (result.GetResult(Redis) is null)
                foreach (var option in new[] { ClusterId, ServiceId })
                    if (result.GetResult(option) is { Implicit: false }) result.AddError($"{option.Name} only applies with --cluster");
        });
    }

    public ClusterConnection? Read(ParseResult parse) =>
        parse.GetValue(Redis) is { } redis ? new ClusterConnection(redis, parse.GetValue(ClusterId)!, parse.GetValue(ServiceId)!) : null;
}

/// <summary>What went wrong on a cluster, said so that the user knows what was lost.</summary>
internal static class ClusterFailures
{
    /// <summary>Redis itself: nothing can be checkpointed or restored until it is back, so retrying on the spot is futile.</summary>
    public static bool IsRedis(Exception e) => Chain(e).Any(x => x.GetType().Name.Contains("Redis", StringComparison.Ordinal)
        || x.Message.Contains("Redis", StringComparison.OrdinalIgnoreCase));

    /// <summary>The first line of each exception in the chain, without repeats: what a user reads.</summary>
    public static string Describe(Exception e)
    {
        var text = string.Join(": ", Chain(e).Select(x => x.Message.Split('\n')[0].Trim()).Where(m => m.Length > 0).Distinct().Take(3));
        return text.Length <= 400 ? text : text[..400] + "...";
    }

    private static IEnumerable<Exception> Chain(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            yield return x;
            if (x is AggregateException aggregate)
                foreach (var inner in aggregate.InnerExceptions.Skip(1))
                    yield return inner;
        }
    }
}

/// <summary>A run on a cluster that cannot complete: exit 1, naming what was lost; nothing is written.</summary>
internal sealed class ClusterRunLostException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>`supplychainsim silo --cluster host:port`: a worker silo, until Ctrl+C or SIGTERM.</summary>
internal static class SiloCommand
{
    public static Command Build(IAnsiConsole console)
    {
        var cluster = new ClusterCommandOptions(required: true);
        var bind = new Option<string>("--bind")
        {
            Description = "The address this silo listens on and gives other silos and clients to reach it. Grain calls are not authenticated: " +
                "widen it only on a trusted network.",
            DefaultValueFactory = _ => "127.0.0.1",
        };
        var siloPort = new Option<int>("--port") { Description = "Port for silo-to-silo traffic (0 picks a free one).", CustomParser = LiveRunOptions.ParsePort };
        var gatewayPort = new Option<int>("--gateway-port") { Description = "Port clients (run, compare, sweep) connect to (0 picks a free one).", CustomParser = LiveRunOptions.ParsePort };
        var command = new Command("silo", "Start a worker silo that joins a cluster: run, compare and sweep with --cluster then spread their work over its silos.")
        {
            bind, siloPort, gatewayPort,
        };
        cluster.AddTo(command);
        bind.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (!IPAddress.TryParse(value, out var address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
                result.AddError($"--bind: expected the IP address other silos reach this one at, such as 127.0.0.1 or 10.0.0.5, found '{value}'");
        });
        command.SetAction(async (parse, cancellationToken) => await Commands.Execute(async () =>
        {
            var connection = cluster.Read(parse)!;
            var address = IPAddress.Parse(parse.GetValue(bind)!);
            if (!IPAddress.IsLoopback(address))
                Console.Error.WriteLine($"supplychainsim: warning: grain calls have no authentication, and --bind {address} lets anyone who can reach this machine join or call the cluster.");
            using var traffic = new SiloTraffic();
            await using var silo = await SimulationHost.StartSiloAsync(connection, address, parse.GetValue(siloPort), parse.GetValue(gatewayPort), cancellationToken);
            console.WriteLine($"Silo {silo.Endpoint} joined {connection}; Ctrl+C stops it.");
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
            }
            // Messages between silos and with clients (local calls within the silo are not among them).
            console.WriteLine($"Silo stopping: {traffic}.");
            return ExitCodes.Success;
        }));
        return command;
    }
}
