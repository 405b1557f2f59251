namespace SupplyChainSim.Cli.OutputFolders;

/// <summary>The run's seed, its replications, the rule that gives each replication its seed, and those seeds.</summary>
internal sealed record ManifestSeeds(ulong Seed, int Replications, string Rule, IReadOnlyList<ulong> ReplicationSeeds);
