using SupplyChainSim.Model.Scenarios;

namespace SupplyChainSim.Model.RareEarths;

public sealed record RareEarthExporterSpec
{
    public required string Country { get; init; }

    /// <summary>The export policy over time; open before the first entry.</summary>
    public IReadOnlyList<ExportPolicySpec> Policy { get; init; } = [];

    /// <summary>The exporter accepts an offer of at least this many H100e a month of chips; absent: it never accepts.</summary>
    [ValueRange(0, ScenarioLimits.H100e)]
    public double? AcceptsQuotaH100ePerMonth { get; init; }
}
