namespace SupplyChainSim.Model.Market;

/// <summary>A network that forms this month, and the block of intermediaries that hosts it (so the step wakes it).</summary>
public sealed record NetworkEntry(string Id, int Block);
