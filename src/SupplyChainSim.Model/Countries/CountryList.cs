using System.Text.Json.Serialization;

namespace SupplyChainSim.Model.Countries;

/// <summary>The countries of a world, by code.</summary>
public sealed record CountryList
{
    private Dictionary<string, CountrySpec>? byCode;

    public required IReadOnlyList<CountrySpec> Countries { get; init; }

    [JsonIgnore]
    private Dictionary<string, CountrySpec> ByCode => byCode ??= First(Countries);

    // Loading reports a duplicate code as an error; until it has, the first one stands so that checking can go on.
    private static Dictionary<string, CountrySpec> First(IEnumerable<CountrySpec> countries)
    {
        var byCode = new Dictionary<string, CountrySpec>(StringComparer.Ordinal);
        foreach (var country in countries) byCode.TryAdd(country.Code, country);
        return byCode;
    }

    public bool Contains(string code) => ByCode.ContainsKey(code);

    public CountrySpec this[string code] =>
        ByCode.TryGetValue(code, out var country) ? country : throw new KeyNotFoundException($"country '{code}' is not in the country list");

    /// <summary>Codes in ordinal order: the order every per-country output uses.</summary>
    [JsonIgnore]
    public IEnumerable<string> Codes => Countries.Select(c => c.Code).Order(StringComparer.Ordinal);
}
