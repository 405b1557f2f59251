using System.CommandLine;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using SupplyChainSim.Runs;

namespace SupplyChainSim.Cli;

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
        var gatewayPort = new Option<int>("--gateway-port") { Description = "Port clients (run, compare, sweep, explore) connect to (0 picks a free one).", CustomParser = LiveRunOptions.ParsePort };
        var command = new Command("silo", "Start a worker silo that joins a cluster: run, compare, sweep and explore with --cluster then spread their work over its silos.")
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
            await using var silo = await SimulationHost.StartSiloAsync(connection, address, parse.GetValue(siloPort), parse.GetValue(gatewayPort),
                services => services.AddSingleton<SiloEviction>().AddSingleton<IFatalErrorHandler>(s => s.GetRequiredService<SiloEviction>()), cancellationToken);
            console.WriteLine($"Silo {silo.Endpoint} joined {connection}; Ctrl+C stops it.");
            if (await RedisFacts.ReadAsync(connection) is { Persists: false })
                Console.Error.WriteLine($"supplychainsim: warning: Redis {connection.Address} {RedisFacts.Loses}.");
            // Until Ctrl+C or SIGTERM; a silo declared dead, or whose entry Redis lost, exits from here with code 1.
            await SiloMembershipWatch.RunAsync(silo.Services, connection, cancellationToken);
            // Messages between silos and with clients (local calls within the silo are not among them).
            console.WriteLine($"Silo stopping: {traffic}.");
            return ExitCodes.Success;
        }));
        return command;
    }
}
