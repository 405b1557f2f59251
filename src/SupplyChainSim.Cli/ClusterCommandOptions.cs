using System.CommandLine;
using System.CommandLine.Parsing;
using StackExchange.Redis;
using SupplyChainSim.Runs;

namespace SupplyChainSim.Cli;

/// <summary>
/// `--cluster`, `--cluster-password-file`, `--cluster-id` and `--service-id`, for `silo` and every command that runs
/// simulations. A command that runs replications takes them with <see cref="AddTo"/> and <see cref="Read"/>, and passes
/// what Read gives to <see cref="SimulationHost.StartAsync(ClusterConnection?, Action{string}, CancellationToken)"/>: the rest is the same
/// with or without. The Redis password comes from the file, else from SUPPLYCHAINSIM_REDIS_PASSWORD, else from the
/// connection string (where other users of the machine can read it, which a warning says).
/// </summary>
internal sealed class ClusterCommandOptions(bool required = false)
{
    /// <summary>A password file holds a password, not a document: anything larger is the wrong file.</summary>
    private const int MaxPasswordBytes = 4096;

    public readonly Option<string> Redis = new("--cluster")
    {
        Description = required
            ? "The cluster's Redis, as host:port (a StackExchange.Redis configuration, such as 10.0.0.2:6380,ssl=true). Its password: --cluster-password-file or " +
              ClusterConnection.PasswordVariable + "."
            : "Run on a cluster of worker silos (`silo`) instead of in this process: the cluster's Redis, as host:port.",
        HelpName = "redis",
        Required = required,
    };

    /// <summary>The option's value is the password the file holds (its first line), read as the command line is parsed.</summary>
    public readonly Option<string?> Password = new("--cluster-password-file")
    {
        Description = $"A file holding the cluster's Redis password (its first line), so that the password is not on the command line; or set {ClusterConnection.PasswordVariable}.",
        HelpName = "file",
        CustomParser = ReadPassword,
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
        command.Add(Password);
        command.Add(ClusterId);
        command.Add(ServiceId);
        Redis.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            // What the user gave is echoed back without its password.
            var shown = ClusterConnection.WithoutPassword(value, "***");
            try
            {
                if (ConfigurationOptions.Parse(value).EndPoints.Count == 0) result.AddError($"--cluster: expected a Redis address such as 127.0.0.1:6380, found '{shown}'");
            }
            catch (Exception e) when (e is ArgumentException or RedisConnectionException or NotSupportedException)
            {
                result.AddError($"--cluster: expected a Redis address such as 127.0.0.1:6380, found '{shown}' ({ClusterConnection.WithoutPassword(e.Message, "***")})");
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
                foreach (var option in new Option[] { Password, ClusterId, ServiceId })
                    if (result.GetResult(option) is { Implicit: false }) result.AddError($"{option.Name} only applies with --cluster");
        });
    }

    public ClusterConnection? Read(ParseResult parse)
    {
        if (parse.GetValue(Redis) is not { } redis) return null;
        Secrets.HideIn(redis);
        var fromFile = parse.GetValue(Password);
        var fromEnvironment = Environment.GetEnvironmentVariable(ClusterConnection.PasswordVariable) is { Length: > 0 } set ? set : null;
        var connection = new ClusterConnection(redis, parse.GetValue(ClusterId)!, parse.GetValue(ServiceId)!)
        {
            Password = fromFile ?? fromEnvironment,
            PasswordFile = fromFile is null ? null : parse.GetResult(Password)!.Tokens[0].Value,
        };
        if (fromFile is null && fromEnvironment is null && connection.HasPassword)
            Console.Error.WriteLine($"supplychainsim: warning: the Redis password in --cluster can be read by every user of this machine (ps, /proc); " +
                $"give it in {ClusterConnection.PasswordVariable} or in a file given as --cluster-password-file instead.");
        return connection;
    }

    private static string? ReadPassword(ArgumentResult result)
    {
        var path = result.Tokens[0].Value;
        try
        {
            if (Directory.Exists(path)) throw new IOException("is a folder");
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            if (stream.Length > MaxPasswordBytes) throw new IOException($"is {stream.Length:N0} bytes; expected a file holding a password");
            using var reader = new StreamReader(stream);
            if (reader.ReadLine() is { Length: > 0 } password) return password;
            throw new IOException("is empty; expected the password on its first line");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            result.AddError($"--cluster-password-file {path}: {(e is FileNotFoundException or DirectoryNotFoundException ? "file not found" : e.Message)}");
            return null;
        }
    }
}
