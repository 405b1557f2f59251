using SupplyChainSim.Model.Chips;
using SupplyChainSim.Model.Countries;
using SupplyChainSim.Model.Scenarios;

namespace SupplyChainSim.Model.Regimes;

/// <summary>
/// What a rule checks its settings against (the scenario's countries and chip catalogue) and where it reports them,
/// each at the rule's own JSON path. Names are only checked against what could be read.
/// </summary>
public sealed class RuleChecks(string path, CountryList countries, ChipCatalogue catalogue, bool countriesKnown = true, bool chipsKnown = true)
{
    private readonly List<(string Path, string Message, bool IsWarning)> found = [];

    public IReadOnlyList<(string Path, string Message, bool IsWarning)> Found => found;

    public CountryList Countries => countries;

    public ChipCatalogue Catalogue => catalogue;

    public bool ChipsKnown => chipsKnown;

    public void Error(string key, string message) => found.Add(($"{path}.{key}", message, false));

    public void Warning(string key, string message) => found.Add(($"{path}.{key}", message, true));

    /// <summary>Every entry an ISO code from the country list.</summary>
    public void CountryCodes(string key, IEnumerable<string> codes)
    {
        foreach (var code in codes)
            if (countriesKnown && !countries.Contains(code)) Error(key, $"unknown country code \"{code}\"");
    }

    /// <summary>Every entry a country code or a Country Group (D:1, D:4, D:5).</summary>
    public void Destinations(string key, IEnumerable<string> entries)
    {
        foreach (var entry in entries)
            if (countriesKnown && !countries.Contains(entry) && !CountryGroups.IsGroup(entry))
                Error(key, $"unknown country code or group \"{entry}\"; expected an ISO 3166-1 alpha-2 code or one of {string.Join(", ", CountryGroups.Known)}");
    }

    public void Chips(string key, IEnumerable<string> models)
    {
        foreach (var model in models)
            if (chipsKnown && !catalogue.Contains(model))
                Error(key, $"unknown chip model \"{model}\"{Misspelling.DidYouMean(model, catalogue.Models, always: true)}");
    }

    /// <summary>A dollar figure needs a price: a share of a sale of a chip without one would silently be $0.</summary>
    public void Priced(string key, IEnumerable<string> models, string what)
    {
        foreach (var model in models)
            if (chipsKnown && catalogue.Contains(model) && catalogue[model].UnitPriceUsd is null)
                Error(key, $"{what} on \"{model}\", which has no unitPriceUsd in the catalogue; expected a price to compute it from");
    }
}
