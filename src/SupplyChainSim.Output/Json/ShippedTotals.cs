namespace SupplyChainSim.Output.Json;

/// <summary>What chipmakers delivered under a licence and without one, and what intermediaries smuggled, over the run.</summary>
internal sealed record ShippedTotals(FlowTotal Licensed, FlowTotal Exempt, FlowTotal Smuggled);
