namespace SupplyChainSim.Cli.OutputFolders;

/// <summary>The .NET and Orleans versions the set was made with.</summary>
internal sealed record ManifestRuntime(string Dotnet, string Orleans);
