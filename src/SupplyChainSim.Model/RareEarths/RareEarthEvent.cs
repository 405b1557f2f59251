using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.RareEarths;

/// <summary>A rare-earth event for events.jsonl: a policy change, an offer, an acceptance.</summary>
public sealed record RareEarthEvent(YearMonth Month, string Type, string? Importer, string? Exporter)
{
    public string? Policy { get; init; }

    public double? ApprovalRate { get; init; }

    public Concession? Terms { get; init; }

    public bool Scripted { get; init; }
}
