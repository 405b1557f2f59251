namespace SupplyChainSim.Cli.OutputFolders;

/// <summary>Another file of the set, with its size and SHA-256.</summary>
internal sealed record ManifestOutput(string File, long Bytes, string Sha256);
