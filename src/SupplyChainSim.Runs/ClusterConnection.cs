using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using StackExchange.Redis;

namespace SupplyChainSim.Runs;

/// <summary>
/// A cluster of worker silos: its Redis (membership and grain state) and the ids that keep it apart from other clusters on
/// the same Redis. Silos and clients of one cluster must give the same three. The Redis password, when it is not in the
/// connection string, is <see cref="Password"/>; it is never printed, and nothing this type prints contains it.
/// </summary>
public sealed partial record ClusterConnection(string Redis, string ClusterId = ClusterConnection.DefaultId, string ServiceId = ClusterConnection.DefaultId)
{
    public const string DefaultId = "supplychainsim";

    /// <summary>Where a password is read from when neither --cluster nor --cluster-password-file gives one.</summary>
    public const string PasswordVariable = "SUPPLYCHAINSIM_REDIS_PASSWORD";

    private readonly string? password;

    /// <summary>The Redis password from SUPPLYCHAINSIM_REDIS_PASSWORD or --cluster-password-file (it replaces one in <see cref="Redis"/>).</summary>
    public string? Password
    {
        get => password;
        init
        {
            password = value;
            if (value is { Length: > 0 }) Secrets.Hide(value);
        }
    }

    /// <summary>The file <see cref="Password"/> was read from, if it was: a hint to reconnect may name it.</summary>
    public string? PasswordFile { get; init; }

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
                return WithoutPassword(Redis);
            }
        }
    }

    /// <summary>The options a command takes to reach this cluster again, as a user types them: never the password.</summary>
    public string Options =>
        $"--cluster {Tool.ShellWord(WithoutPassword(Redis))}" +
        (ClusterId == DefaultId ? "" : $" --cluster-id {ClusterId}") + (ServiceId == DefaultId ? "" : $" --service-id {ServiceId}") +
        (PasswordFile is { } file ? $" --cluster-password-file {Tool.ShellWord(file)}" : "");

    /// <summary>For a hint naming <see cref="Options"/>: where its password goes, when the cluster has one the options cannot carry.</summary>
    public string PasswordHint => HasPassword && PasswordFile is null
        ? $" (with the Redis password in {PasswordVariable} or in a file given as --cluster-password-file)"
        : "";

    public bool HasPassword => Password is { Length: > 0 } || RedisOptions().Password is { Length: > 0 };

    /// <summary>StackExchange.Redis' options for the cluster's Redis, the password included.</summary>
    public ConfigurationOptions RedisOptions()
    {
        var options = ConfigurationOptions.Parse(Redis);
        if (Password is { Length: > 0 }) options.Password = Password;
        return options;
    }

    /// <summary>A connection string with its password shown as <paramref name="replacement"/>, or left out when that is null.</summary>
    public static string WithoutPassword(string connection, string? replacement = null) => replacement is null
        ? PasswordPart().Replace(connection, "").Trim(',')
        : PasswordPart().Replace(connection, m => $"{m.Groups["lead"].Value}{m.Groups["key"].Value}={replacement}");

    /// <summary>
    /// The command line as manifest.json (and a run's ticket) record it: a password given in --cluster shown as
    /// password=***, so that an output set can be shared as it is.
    /// </summary>
    public static IReadOnlyList<string> Redacted(IReadOnlyList<string> args)
    {
        var redacted = new List<string>(args.Count);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (i > 0 && args[i - 1] == "--cluster") arg = WithoutPassword(arg, "***");
            else if (arg.StartsWith("--cluster=", StringComparison.Ordinal) || arg.StartsWith("--cluster:", StringComparison.Ordinal))
                arg = arg[..10] + WithoutPassword(arg[10..], "***");
            redacted.Add(arg);
        }
        return redacted;
    }

    /// <summary>
    /// A silo of the cluster: Redis membership and grain state, and a membership protocol that declares a lost or frozen
    /// silo dead within about 10 s (the defaults take about a minute), so that its grains come back on a survivor while a
    /// run waits. What a silo declared dead does is the caller's (<see cref="SimulationHost.StartSiloAsync"/>).
    /// </summary>
    internal ISiloBuilder Configure(ISiloBuilder silo)
    {
        silo.UseRedisClustering(o => o.ConfigurationOptions = RedisOptions());
        silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (ClusterId, ServiceId));
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            // Probes every 2 s or so, each given at most 3 s; three missed in a row and one vote declare a silo dead: a
            // frozen silo goes in about 10 s. A silo under a long GC pause may be declared dead too, and then exits to be
            // restarted: that costs a run seconds, where waiting for it could cost minutes.
            o.ProbeTimeout = TimeSpan.FromSeconds(2);
            o.MaxProbeTimeout = TimeSpan.FromSeconds(3);
            o.NumMissedProbesLimit = 3;
            o.NumVotesForDeathDeclaration = 1;
            o.TableRefreshTimeout = TimeSpan.FromSeconds(5);
        });
        // A run's grains are called every month; one idle longer than this is a run whose client went away. Its state is
        // in the checkpoints, so an early collection would cost a restore, not the run; it is kept long to spare that.
        silo.Configure<GrainCollectionOptions>(o => o.CollectionAge = TimeSpan.FromHours(2));
        return silo;
    }

    internal IClientBuilder Configure(IClientBuilder client)
    {
        client.UseRedisClustering(o => o.ConfigurationOptions = RedisOptions());
        client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (ClusterId, ServiceId));
        // The client reads the silos' gateways from Redis every second: a silo declared dead stops being used at once
        // (ClusterWatch abandons what was sent through it).
        client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(1));
        return client;
    }

    /// <summary>A password=value part of a connection string (or of a line that echoes one), up to the next comma; not one shown as *** already.</summary>
    [GeneratedRegex(@"(?<lead>^|[,\s'""])\s*(?<key>password)\s*=(?!\*\*\*(?:[,'""\s]|$))[^,]*", RegexOptions.IgnoreCase)]
    private static partial Regex PasswordPart();
}
