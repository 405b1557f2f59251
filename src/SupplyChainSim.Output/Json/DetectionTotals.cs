using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Output.Json;

/// <summary>The lots customs seized over the run, their chips and H100e, and how many shells were listed for them.</summary>
internal sealed record DetectionTotals(int Lots, long Chips, double H100e, int ShellsListed)
{
    public static DetectionTotals Of(RunResults results)
    {
        var detections = results.Months.SelectMany(m => m.Detections).ToList();
        return new(detections.Count, detections.Sum(d => (long)d.Chips), ResultFiles.H100e(Tpp.Sum(detections, d => d.Compute)),
            detections.Select(d => d.Shell).Distinct().Count());
    }
}
