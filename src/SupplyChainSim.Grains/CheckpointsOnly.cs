
namespace SupplyChainSim.Grains;

/// <summary>
/// Registered on the silos of a cluster, where grain state lives in Redis and a run is durable: grains write their state
/// only when the coordinator checkpoints, never on deactivation, so that what is stored is always a whole month.
/// </summary>
public sealed class CheckpointsOnly;
