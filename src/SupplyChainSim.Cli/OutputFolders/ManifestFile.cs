namespace SupplyChainSim.Cli.OutputFolders;

/// <summary>manifest.json (<see cref="RunManifest"/>): where an output set came from, in the order a reader looks for it.</summary>
/// <param name="CommandLine">The arguments the command was given, as given, each a plain string.</param>
internal sealed record ManifestFile(
    string Tool, string Version, string Commit, IReadOnlyList<string> CommandLine, ManifestRuntime Runtime, ManifestSeeds Seeds,
    IReadOnlyList<ManifestScenario> Scenarios, IReadOnlyList<ManifestOutput> Outputs);
