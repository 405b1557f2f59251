using SupplyChainSim.Model.RareEarths;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Output.Json;

/// <summary>A line of events.jsonl: a rare-earth event with only the keys it has (<see cref="EventLinesJson"/>), a concession's terms spread into it.</summary>
internal sealed record RareEarthEventLine(
    YearMonth Month, string Type, string? Importer, string? Exporter, string? Policy, double? ApprovalRate, string? OfferedBy, string? AcceptedBy,
    IReadOnlyList<string>? ChipModels, double? RevenueShare, double? QuotaH100ePerMonth, bool Scripted)
{
    public static RareEarthEventLine Of(RareEarthEvent e) => new(
        e.Month, e.Type, e.Importer, e.Exporter, e.Policy, e.ApprovalRate, e.Terms?.OfferedBy, e.Terms?.AcceptedBy, e.Terms?.ChipModels,
        e.Terms?.RevenueShare, e.Terms?.QuotaH100ePerMonth, e.Scripted);
}
