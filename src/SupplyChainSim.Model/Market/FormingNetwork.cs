using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Market;

/// <summary>A network that has decided to form, and the month it first orders.</summary>
public sealed record FormingNetwork(NetworkEntry Entry, YearMonth FirstOrder);
