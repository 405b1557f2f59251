namespace SupplyChainSim.Cli.Output;

/// <summary>The .NET and Orleans versions the set was made with.</summary>
internal sealed record ManifestRuntime(string Dotnet, string Orleans);
