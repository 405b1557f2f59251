
namespace SupplyChainSim.Reports;

/// <summary>The flow picture's nodes, column by column in the order drawn, and its links.</summary>
public sealed record FlowGraph(IReadOnlyList<FlowNode> Nodes, IReadOnlyList<FlowLink> Links)
{
    public static readonly FlowGraph Empty = new([], []);
}
