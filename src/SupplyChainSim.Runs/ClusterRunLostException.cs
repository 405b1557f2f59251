
namespace SupplyChainSim.Runs;

/// <summary>A run on a cluster that cannot complete: exit 1, naming what was lost; nothing is written.</summary>
public sealed class ClusterRunLostException(string message, Exception? inner = null) : Exception(message, inner);
