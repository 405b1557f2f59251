using SupplyChainSim.Model.Regimes;

namespace SupplyChainSim.Model.RareEarths;

public sealed record RareEarthMonth(IReadOnlyList<ImporterMonth> Importers, IReadOnlyList<RareEarthEvent> Events, IReadOnlyList<RegimeRule> ConcessionRules);
