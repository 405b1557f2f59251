
namespace SupplyChainSim.Model.Agents;

/// <summary>A destination country: what it has been licensed, sent exempt and denied, its cap use and its magnets.</summary>
public sealed record CountryView(
    string Code,
    string Name,
    int Tier,
    double LicensedH100e,
    double ExemptH100e,
    double DeniedH100e,
    IReadOnlyList<LedgerLine> CapUse,
    MagnetView? Magnets);
