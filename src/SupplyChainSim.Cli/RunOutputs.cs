using SupplyChainSim.Cli.Output;
using SupplyChainSim.Model.MonteCarlo;
using SupplyChainSim.Model.Output;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Reports;

namespace SupplyChainSim.Cli;

/// <summary>What `run` writes: the output contract (<see cref="ResultFiles"/>), report.html and manifest.json, switched in as one set.</summary>
internal static class RunOutputs
{
    public static IEnumerable<string> Names(bool withReplications) =>
        [.. ResultFiles.Names, .. withReplications ? [ResultFiles.ReplicationsCsv] : Array.Empty<string>(), RunReport.FileName, OutputSet.ManifestName];

    public static void Write(RunResults results, OutputSet output, RunManifest manifest, IReadOnlyList<ReplicationSummary>? replications = null)
    {
        var files = new SortedDictionary<string, byte[]>(ResultFiles.Render(results, replications).ToDictionary(), StringComparer.Ordinal)
        {
            [RunReport.FileName] = RunReport.Render(results, replications),
        };
        output.Commit(manifest.AddTo(files));
    }
}
