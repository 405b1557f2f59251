
namespace SupplyChainSim.Model.Trade;

/// <summary>Where replies about an order go: the block of agents its buyer lives in.</summary>
public readonly record struct AgentAddress(AgentKind Kind, int Block);
