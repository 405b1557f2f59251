
namespace SupplyChainSim.Model.Agents;

/// <summary>A block of intermediaries: each one's shells (what they bought, whether listed) and the lots in its hub.</summary>
public sealed record IntermediaryBlockView(int Block, IReadOnlyList<IntermediaryView> Intermediaries);
