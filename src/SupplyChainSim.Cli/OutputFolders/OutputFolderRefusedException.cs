namespace SupplyChainSim.Cli.OutputFolders;

/// <summary>An output folder the command will not write to (it would overwrite an input, or what a user put there): exit 2, nothing written.</summary>
internal sealed class OutputFolderRefusedException(string message) : Exception(message);
