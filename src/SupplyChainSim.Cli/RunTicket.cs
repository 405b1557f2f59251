using System.Text.Json;

namespace SupplyChainSim.Cli;

/// <summary>
/// What a client needs to finish a run on a cluster that another client started: the request as given, and the command
/// line that manifest.json records. Stored with the run's coordinator; <see cref="Nonce"/> tells this client's run from
/// another started with the same command.
/// </summary>
internal sealed record RunTicket(Commands.RunRequest Request, IReadOnlyList<string> CommandLine, string Nonce)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public string Serialise() => JsonSerializer.Serialize(this, Json);

    public static RunTicket? Parse(string? text) => text is null ? null : JsonSerializer.Deserialize<RunTicket>(text, Json);
}
