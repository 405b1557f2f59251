
namespace SupplyChainSim.Runs;

/// <summary>A silo of the cluster declared dead while a call waited: the call is abandoned and the run goes back to its checkpoint.</summary>
internal sealed class SiloLostException(string message) : Exception(message);
