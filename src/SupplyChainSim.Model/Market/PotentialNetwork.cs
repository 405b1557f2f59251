using SupplyChainSim.Model.Scenarios;

namespace SupplyChainSim.Model.Market;

/// <summary>A network that may form on the grey market: its spec (route, capacity, capital) and the block that hosts it.</summary>
public sealed record PotentialNetwork(IntermediarySpec Spec, int Block);
