using SupplyChainSim.Model.MonteCarlo;
using SupplyChainSim.Model.Output;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Reports;

namespace SupplyChainSim.Cli;

/// <summary>What `run` writes: the output contract (<see cref="ResultFiles"/>) and report.html, swapped in as one set.</summary>
internal static class RunOutputs
{
    public static IEnumerable<string> Names(bool withReplications) =>
        [.. ResultFiles.Names, .. withReplications ? [ResultFiles.ReplicationsCsv] : Array.Empty<string>(), RunReport.FileName];

    public static void Write(RunResults results, string directory, IReadOnlyList<ReplicationSummary>? replications = null)
    {
        var files = new SortedDictionary<string, byte[]>(ResultFiles.Render(results, replications).ToDictionary(), StringComparer.Ordinal)
        {
            [RunReport.FileName] = RunReport.Render(results, replications),
        };
        AtomicFiles.WriteAll(directory, files);
    }
}
