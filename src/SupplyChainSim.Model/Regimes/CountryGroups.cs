using SupplyChainSim.Model.Countries;

namespace SupplyChainSim.Model.Regimes;

/// <summary>
/// Where a rule applies: a list of ISO country codes and EAR Country Groups ("D:1", "D:4", "D:5"). A group stands for
/// every country the country list puts in it (Hong Kong and Macau are in D:5 with China: the EAR treats Hong Kong as
/// China since 2020-12-23, 85 FR 83765, and names Macau with D:5 throughout the 3A090 rules).
/// </summary>
public static class CountryGroups
{
    public const string D1 = "D:1";
    public const string D4 = "D:4";
    public const string D5 = "D:5";

    public static readonly IReadOnlyList<string> Known = [D1, D4, D5];

    public static bool IsGroup(string entry) => Known.Contains(entry);

    /// <summary>Whether <paramref name="country"/> is one of <paramref name="entries"/>, by code or by group.</summary>
    public static bool Matches(IReadOnlyList<string> entries, CountrySpec country)
    {
        foreach (var entry in entries)
            if (entry == country.Code || (IsGroup(entry) && country.InGroup(entry))) return true;
        return false;
    }
}
