
namespace SupplyChainSim.Runs;

/// <summary>The `supplychainsim` command as its users type it: what the CLI prints, and what a cluster run's messages name.</summary>
public static class Tool
{
    /// <summary>
    /// How a user types the command: from the repository root, through `dotnet run` (there is no `supplychainsim` on the
    /// path unless they publish it). Every command the tool tells a user to type starts with this.
    /// </summary>
    public const string Invocation = "dotnet run --project src/SupplyChainSim.Cli --";

    /// <summary>A word as a POSIX shell reads it back: as it is when it is plain, else in single quotes.</summary>
    public static string ShellWord(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '_' or '-' or '+' or ',' or ':' or '=')
            ? word
            : $"'{word.Replace("'", "'\\''", StringComparison.Ordinal)}'";
}
