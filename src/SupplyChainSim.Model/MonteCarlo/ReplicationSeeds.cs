using SupplyChainSim.Model.Randomness;

namespace SupplyChainSim.Model.MonteCarlo;

/// <summary>Seeds of a Monte Carlo run: replication i always gets the same seed, and replication 0 the scenario's own.</summary>
public static class ReplicationSeeds
{
    public static ulong For(ulong scenarioSeed, int replication) => RandomStreams.ReplicationSeed(scenarioSeed, replication);
}
