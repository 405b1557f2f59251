using System.CommandLine;
using StackExchange.Redis;
using SupplyChainSim.Runs;

namespace SupplyChainSim.Cli;

/// <summary>
/// `--cluster`, `--cluster-id` and `--service-id`, for `silo` and every command that runs simulations. A command that runs
/// replications takes them with <see cref="AddTo"/> and <see cref="Read"/>, and passes what Read gives to
/// <see cref="SimulationHost.StartAsync(ClusterConnection?, Action{string}, CancellationToken)"/>: the rest is the same with or without.
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
