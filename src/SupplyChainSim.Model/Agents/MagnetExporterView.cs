namespace SupplyChainSim.Model.Agents;

/// <summary>
/// The magnet exporter and the trade it controls: its export policy over time (the scenario's timeline and the changes
/// made during the run), the concessions accepted, and each importer's stock and political pressure now.
/// </summary>
public sealed record MagnetExporterView(string? Exporter, IReadOnlyList<string> Policy, IReadOnlyList<string> Concessions, IReadOnlyList<MagnetStockLine> Importers);
