using System.Text.Json.Serialization;
using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.RareEarths;

/// <summary>
/// Rare-earth leverage (China's licences on seven rare earths and magnets from 2025-04-04): an exporter of magnets with a monthly policy, importers with stocks and
/// needs, and the rules by which shortage turns into chip concessions. A scripted timeline replaces the rules.
/// </summary>
public sealed record RareEarthSpec
{
    public RareEarthExporterSpec? Exporter { get; init; }

    public IReadOnlyList<RareEarthImporterSpec> Importers { get; init; } = [];

    /// <summary>The importer's side: when to offer chips for magnets. Absent or disabled: it never offers.</summary>
    public ConcessionRuleSpec? ConcessionRule { get; init; }

    /// <summary>Events on fixed dates (the historical sequence). When present, the rules above do not act.</summary>
    public IReadOnlyList<RareEarthEventSpec> Script { get; init; } = [];
}

public sealed record RareEarthExporterSpec
{
    public required string Country { get; init; }

    /// <summary>The export policy over time; open before the first entry.</summary>
    public IReadOnlyList<ExportPolicySpec> Policy { get; init; } = [];

    /// <summary>The exporter accepts an offer of at least this many H100e a month of chips; absent: it never accepts.</summary>
    [ValueRange(0, ScenarioLimits.H100e)]
    public double? AcceptsQuotaH100ePerMonth { get; init; }
}

/// <summary>"open", "licensed" (a share of licence applications approved) or "frozen".</summary>
public sealed record ExportPolicySpec
{
    public required YearMonth From { get; init; }

    public required string Policy { get; init; }

    [ValueRange(0, 1, Is = "a fraction")]
    public double ApprovalRate { get; init; } = 1;

    /// <summary>The share of normal supply the policy lets through; worked out, never read from a file.</summary>
    [JsonIgnore]
    public double SupplyFactor => Policy switch
    {
        "open" => 1,
        "licensed" => ApprovalRate,
        _ => 0,
    };
}

public sealed record RareEarthImporterSpec
{
    public required string Country { get; init; }

    /// <summary>Magnets needed a month, tonnes.</summary>
    [ValueRange(0, 1_000_000, AboveMinimum = true)]
    public required double MonthlyNeedTonnes { get; init; }

    /// <summary>Share of the need normally met by the exporter (about 0.7 for the US; USGS).</summary>
    [ValueRange(0, 1, Is = "a fraction")]
    public double ShareFromExporter { get; init; } = 0.7;

    /// <summary>Stock at the start, in months of need: the usual stock, rebuilt from any surplus up to this and no more.</summary>
    [ValueRange(0, ScenarioLimits.Months)]
    public double StockMonths { get; init; } = 2;

    /// <summary>Monthly growth of alternative supply while the exporter holds back (its supply below normal).</summary>
    [ValueRange(0, 1, Is = "a fraction")]
    public double AlternativeGrowthPerMonth { get; init; } = 0.01;

    /// <summary>How much a full shortage cuts the importer's data-centre orders (0 to 1).</summary>
    [ValueRange(0, 1, Is = "a fraction")]
    public double BuildOutElasticity { get; init; } = 0.3;

    /// <summary>How much a full shortage cuts the production of chipmakers based in the importer (0 to 1).</summary>
    [ValueRange(0, 1, Is = "a fraction")]
    public double ProductionElasticity { get; init; } = 0.2;

    /// <summary>Political pressure keeps this share of itself each month and adds the month's shortage.</summary>
    [ValueRange(0, 1, Is = "a fraction")]
    public double PressureDecay { get; init; } = 0.8;
}

/// <summary>The importer offers chip licences to the exporter's buyers after N months over a threshold.</summary>
public sealed record ConcessionRuleSpec
{
    public bool Enabled { get; init; } = true;

    public required string Importer { get; init; }

    /// <summary>"shortage" or "pressure".</summary>
    public string Trigger { get; init; } = "shortage";

    [ValueRange(0, ScenarioLimits.Months)]
    public required double Threshold { get; init; }

    [ValueRange(1, ScenarioLimits.Months)]
    public int ForMonths { get; init; } = 1;

    public required IReadOnlyList<string> ChipModels { get; init; }

    [ValueRange(0, 1, Is = "a fraction")]
    public double RevenueShare { get; init; }

    [ValueRange(0, ScenarioLimits.H100e)]
    public required double QuotaH100ePerMonth { get; init; }
}

/// <summary>A scripted event: "exporter-policy" (policy, approvalRate) or "concession" (chipModels, revenueShare, quota).</summary>
public sealed record RareEarthEventSpec
{
    public required YearMonth Month { get; init; }

    public required string Type { get; init; }

    public string? Policy { get; init; }

    [ValueRange(0, 1, Is = "a fraction")]
    public double ApprovalRate { get; init; } = 1;

    public IReadOnlyList<string> ChipModels { get; init; } = [];

    [ValueRange(0, 1, Is = "a fraction")]
    public double RevenueShare { get; init; }

    [ValueRange(0, ScenarioLimits.H100e)]
    public double QuotaH100ePerMonth { get; init; }

    public string? Importer { get; init; }
}
