namespace SupplyChainSim.Runs;

/// <summary>`--resume` names a run that is not, or no longer, in progress on the cluster: refused, exit 2, nothing written.</summary>
public sealed class RunNotResumableException(string message) : Exception($"--resume: {message}");
