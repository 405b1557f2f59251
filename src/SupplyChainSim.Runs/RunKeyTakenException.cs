
namespace SupplyChainSim.Runs;

/// <summary>Another run holds the key on the cluster: refused, exit 2, nothing run or written.</summary>
public sealed class RunKeyTakenException(string runKey, ClusterConnection cluster) : Exception(
    $"--run-key: run {runKey} is already on {cluster}: another client is running it, or ran it and was lost " +
    $"(resume that one with `{Tool.Invocation} run --resume {runKey} --cluster {cluster.Address}`). Choose another key with --run-key; nothing was run or written.");
