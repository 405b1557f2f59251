
namespace SupplyChainSim.Model.Scenarios;

/// <summary>
/// A TPP setting's key and its H100e form: a scenario may give "allowanceH100e" (H100e x 15,831.2 TPP) where the
/// schema has "allowanceTpp". The loader converts the one into the other; reports name the setting by either.
/// </summary>
public static class TppKeys
{
    public const string TppSuffix = "Tpp";
    public const string H100eSuffix = "H100e";

    /// <summary>The same setting in the other unit: "allowanceTpp" for "allowanceH100e" and the reverse; null for other keys.</summary>
    public static string? OtherUnit(string key) =>
        key.EndsWith(H100eSuffix, StringComparison.Ordinal) && key.Length > H100eSuffix.Length ? key[..^H100eSuffix.Length] + TppSuffix
        : key.EndsWith(TppSuffix, StringComparison.Ordinal) && key.Length > TppSuffix.Length ? key[..^TppSuffix.Length] + H100eSuffix
        : null;
}
