using SupplyChainSim.Model.Simulation;

namespace SupplyChainSim.Model.RareEarths;

/// <summary>
/// Rare-earth leverage (China's licences on seven rare earths and magnets from 2025-04-04): an exporter of magnets with a monthly policy, importers with stocks and
/// needs, and the rules by which shortage turns into chip concessions. A scripted timeline replaces the rules.
/// </summary>
public sealed record RareEarthSpec : IAgentPlan<RareEarthMarket>
{
    public RareEarthExporterSpec? Exporter { get; init; }

    public IReadOnlyList<RareEarthImporterSpec> Importers { get; init; } = [];

    /// <summary>The importer's side: when to offer chips for magnets. Absent or disabled: it never offers.</summary>
    public ConcessionRuleSpec? ConcessionRule { get; init; }

    /// <summary>Events on fixed dates (the historical sequence). When present, the rules above do not act.</summary>
    public IReadOnlyList<RareEarthEventSpec> Script { get; init; } = [];

    /// <summary>The magnet exporter and its trade, as the run starts.</summary>
    RareEarthMarket IAgentPlan<RareEarthMarket>.Create(SimulationContext context) => RareEarthMarket.Create(this);
}
