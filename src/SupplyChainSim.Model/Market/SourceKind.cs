namespace SupplyChainSim.Model.Market;

/// <summary>Where a lab in the grey market's countries gets compute.</summary>
public enum SourceKind
{
    /// <summary>Controlled chips through smuggling networks, at the grey price.</summary>
    Smuggled,

    /// <summary>Export-grade chips bought lawfully (the H20; the H200 under the 2026 window).</summary>
    Lawful,

    /// <summary>Domestic accelerators (Huawei's Ascends).</summary>
    Domestic,

    /// <summary>Compute rented abroad.</summary>
    Rented,
}
