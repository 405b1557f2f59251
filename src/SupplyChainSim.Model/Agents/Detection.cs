using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Agents;

/// <summary>A diverted lot caught by a check: seized, and its shell entity-listed.</summary>
public sealed record Detection(YearMonth Month, string Intermediary, string Shell, string LotId, string ChipModel, int Chips, Tpp Compute, string Check, string Country);
