namespace SupplyChainSim.Cli.OutputFolders;

/// <summary>A file a scenario was read from (or "built-in:" data), its role and its SHA-256.</summary>
internal sealed record ManifestInput(string File, string Role, string Sha256);
