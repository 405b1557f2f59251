using SupplyChainSim.Model.MonteCarlo;
using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Worlds;

namespace SupplyChainSim.Testing;

/// <summary>A scenario's replications run in memory, as run, compare and sweep run them on their silo.</summary>
public static class Replications
{
    /// <summary>
    /// Replications 0 to <paramref name="count"/> - 1: replication i on <see cref="ReplicationSeeds.For"/>(seed, i), the
    /// seed the scenario's unless given (compare runs every scenario on the first one's).
    /// </summary>
    public static async Task<IReadOnlyList<RunResults>> RunInMemory(ResolvedScenario scenario, int count, ulong? seed = null)
    {
        var runs = new List<RunResults>();
        for (var i = 0; i < count; i++)
            runs.Add(await InMemoryWorldHosts.RunAsync(WorldBuilder.Build(scenario.WithSeed(ReplicationSeeds.For(seed ?? scenario.Spec.Seed, i)), WorldBuilder.DefaultPoolSize)));
        return runs;
    }
}
