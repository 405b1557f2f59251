using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Trade;

namespace SupplyChainSim.Output.Json;

/// <summary>Chips and their H100e, summed over a run.</summary>
internal sealed record FlowTotal(long Chips, double H100e)
{
    /// <summary>One flow of every month of the run, summed.</summary>
    public static FlowTotal Of(RunResults results, Func<MonthReport, Flow> flow)
    {
        var total = results.Months.Aggregate(Flow.None, (sum, m) => sum + flow(m));
        return new(total.Chips, ResultFiles.H100e(total.Compute));
    }
}
