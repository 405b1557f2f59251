using SupplyChainSim.Cli.Output;
using SupplyChainSim.Model.MonteCarlo;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Output;
using SupplyChainSim.Reports;
using SupplyChainSim.Scenarios;

namespace SupplyChainSim.Cli;

/// <summary>What `run` writes: the output contract (<see cref="ResultFiles"/>), report.html and manifest.json, switched in as one set.</summary>
internal static class RunOutputs
{
    /// <summary>The files a run writes: replications.csv with replications, calibration.csv when its months cover a published figure.</summary>
    public static IEnumerable<string> Names(bool withReplications, bool withCalibration = false) =>
        [.. ResultFiles.Names, .. withReplications ? [ResultFiles.ReplicationsCsv] : Array.Empty<string>(),
            .. withCalibration ? [ResultFiles.CalibrationCsv] : Array.Empty<string>(), RunReport.FileName, OutputSet.ManifestName];

    public static IEnumerable<string> Names(RunResults results, IReadOnlyList<ReplicationSummary>? replications) =>
        Names(replications is not null, Model.Calibration.CalibrationRow.For(results, replications, ScenarioLoader.BuiltIn.Targets).Count > 0);

    public static void Write(RunResults results, OutputSet output, RunManifest manifest, IReadOnlyList<ReplicationSummary>? replications = null)
    {
        var files = new SortedDictionary<string, byte[]>(ResultFiles.Render(results, replications).ToDictionary(), StringComparer.Ordinal)
        {
            [RunReport.FileName] = RunReport.Render(results, replications),
        };
        // licences.csv was streamed into the set as the run went (Commands.StreamLicences), unless the results hold the decisions.
        output.Commit(manifest.AddTo(files, output.CloseStreamed()));
    }
}
