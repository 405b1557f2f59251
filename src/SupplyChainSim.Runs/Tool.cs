
namespace SupplyChainSim.Runs;

/// <summary>The `supplychainsim` command as its users type it: what the CLI prints, and what a cluster run's messages name.</summary>
public static class Tool
{
    /// <summary>
    /// How a user types the command: from the repository root, through `dotnet run` (there is no `supplychainsim` on the
    /// path unless they publish it). Every command the tool tells a user to type starts with this.
    /// </summary>
    public const string Invocation = "dotnet run --project src/SupplyChainSim.Cli --";
}
