using SupplyChainSim.Cli.OutputFolders;
using SupplyChainSim.Model.MonteCarlo;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Output;
using SupplyChainSim.Reports;

namespace SupplyChainSim.Cli;

/// <summary>What `run` writes: the output contract (<see cref="ResultFiles"/>), report.html and manifest.json, switched in as one set.</summary>
internal static class RunOutputs
{
    /// <summary>The files a run writes: replications.csv with replications, calibration.csv when its months cover a published figure.</summary>
    public static IEnumerable<string> Names(bool withReplications, bool withCalibration = false) =>
        [.. ResultFiles.Names, .. withReplications ? [ResultFiles.ReplicationsCsv] : Array.Empty<string>(),
            .. withCalibration ? [ResultFiles.CalibrationCsv] : Array.Empty<string>(), RunReport.FileName, OutputSet.ManifestName];

    public static IEnumerable<string> Names(RunResults results, IReadOnlyList<ReplicationSummary>? replications) =>
        Names(replications is not null, Model.Calibration.CalibrationRow.For(results, replications).Count > 0);

    public static void Write(RunResults results, OutputSet output, RunManifest manifest, IReadOnlyList<ReplicationSummary>? replications = null)
    {
        // Each file goes straight into the new set, one at a time, so a large world's files are never all held at once;
        // licences.csv was streamed into it as the run went, unless the results hold the decisions.
        foreach (var (name, write) in ResultFiles.Files(results, replications))
        {
            var stream = output.Stream(name); // closed, and read back for the manifest, by CloseStreamed
            write(stream);
        }
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal) { [RunReport.FileName] = RunReport.Render(results, replications) };
        output.Commit(manifest.AddTo(files, output.CloseStreamed()));
    }
}
