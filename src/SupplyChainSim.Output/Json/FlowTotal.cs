using SupplyChainSim.Model.Trade;

namespace SupplyChainSim.Output.Json;

/// <summary>Chips and their H100e, summed over a run.</summary>
internal sealed record FlowTotal(long Chips, double H100e)
{
    public static FlowTotal Of(Flow flow) => new(flow.Chips, ResultFiles.H100e(flow.Compute));
}
