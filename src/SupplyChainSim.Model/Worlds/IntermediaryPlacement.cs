using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Model.Trade;

namespace SupplyChainSim.Model.Worlds;

/// <summary>An intermediary with its buyer's address resolved.</summary>
public sealed record IntermediaryPlacement(IntermediarySpec Spec, AgentAddress BuyerAddress, string BuyerCountry);
