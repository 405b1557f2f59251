using System.Text.RegularExpressions;
using SupplyChainSim.Model.Regimes;
using SupplyChainSim.Model.Scenarios;
using static SupplyChainSim.Model.Scenarios.Misspelling;

namespace SupplyChainSim.ScenarioFiles;

/// <summary>
/// Checks what the schema alone cannot (types and ranges are checked against it first, by <see cref="SchemaCheck"/>):
/// uniqueness, totals, references between parts of the scenario (countries, chip models, chipmakers, buyers) and
/// months that must come in order. Every problem is reported, not just the first.
/// </summary>
public static partial class ScenarioValidator
{
    public const int MaxMonths = ScenarioLimits.Months;

    /// <summary>Rules in a regime, at most: far more than any regime has, far fewer than make a run crawl.</summary>
    public const int MaxRules = 1_000;

    /// <param name="scenario">The scenario with its catalogue and countries read in.</param>
    /// <param name="unread">Whether a value could not be read (the schema check reported it): checks that would look
    /// at it, or that depend on it, are skipped rather than reporting it twice or blaming what refers to it.</param>
    public static IReadOnlyList<ScenarioError> Validate(ResolvedScenario scenario, Func<string, bool>? unread = null)
    {
        unread ??= _ => false;
        var spec = scenario.Spec;
        var errors = new List<ScenarioError>();
        void Error(string path, string message) => errors.Add(new ScenarioError(scenario.SourceFile, null, null, path, message));

        if (!SafeName().IsMatch(spec.Name))
            Error("$.name", $"expected letters, digits, '.', '_' or '-' (it names the output folder), found \"{spec.Name}\"");
        if (!unread("$.start") && !unread("$.months") && LastMonthProblem(spec.Start, spec.Months) is { } tooLate)
            Error(spec.Start > ScenarioLimits.LastMonth ? "$.start" : "$.months", tooLate);

        var countries = scenario.Countries;
        var catalogue = scenario.Catalogue;
        var countriesKnown = !unread("$.countriesFile") && !AnyUnder(unread, "$.countries", spec.Countries.Count, "code");
        var chipsKnown = !unread("$.catalogueFile");
        void Country(string path, string code)
        {
            if (countriesKnown && !countries.Contains(code)) Error(path, $"unknown country code \"{code}\"; expected an ISO 3166-1 alpha-2 code from the country list");
        }

        if (spec.Regime.Rules.Count > MaxRules)
            Error("$.regime.rules", $"expected at most {MaxRules:N0} rules (a regime is a handful of them; each is checked for every order), found {spec.Regime.Rules.Count:N0}");
        for (var i = 0; i < spec.Regime.Rules.Count; i++)
        {
            // Each rule checks its own settings; the months it is in force are every rule's.
            var rule = spec.Regime.Rules[i];
            var path = $"$.regime.rules[{i}]";
            if (rule.From is { } from && rule.Until is { } until && until < from)
                Error($"{path}.until", $"expected a month on or after \"from\" ({from}), found {until}");
            var checks = new RuleChecks(path, countries, catalogue, countriesKnown, chipsKnown);
            rule.Check(checks);
            foreach (var (at, message, isWarning) in checks.Found)
                errors.Add(new ScenarioError(scenario.SourceFile, null, null, at, message, isWarning));
        }

        ValidateRareEarths(spec.RareEarths, scenario, Error, countriesKnown, chipsKnown);

        foreach (var problem in ScenarioLoader.GroupProblems(spec.Countries, "$.countries")) Error(problem.Path, problem.Message);

        // Countries replace the list's by code: two with one code would silently keep the last.
        var overridden = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < spec.Countries.Count; i++)
        {
            var code = spec.Countries[i].Code;
            if (!IsCountryCode(code)) Error($"$.countries[{i}].code", $"expected an ISO 3166-1 alpha-2 code (two capital letters), found \"{code}\"");
            else if (!overridden.TryAdd(code, i)) Error($"$.countries[{i}].code", $"duplicate country \"{code}\" (first at $.countries[{overridden[code]}]); expected each country once");
        }

        var made = new HashSet<string>(StringComparer.Ordinal);
        var capacityKnown = !AnyUnder(unread, "$.chipmakers", spec.Chipmakers.Count, "capacity");
        Unique(spec.Chipmakers.Select(m => m.Id), "$.chipmakers", Error);
        long totalCapacity = 0;
        for (var i = 0; i < spec.Chipmakers.Count; i++)
        {
            var maker = spec.Chipmakers[i];
            var path = $"$.chipmakers[{i}]";
            Country($"{path}.country", maker.Country);
            foreach (var (model, capacity) in maker.Capacity)
            {
                if (chipsKnown && !catalogue.Contains(model)) Error($"{path}.capacity.{model}", UnknownChip(model, catalogue.Models));
                if (capacity > 0) made.Add(model);
                totalCapacity += capacity;
            }
        }
        if (totalCapacity > ScenarioLimits.ChipsPerMonth)
            Error("$.chipmakers", $"expected the chipmakers to make at most {ScenarioLimits.ChipsPerMonth:N0} chips a month together (the world makes about 500,000), found {totalCapacity:N0}");

        void Chip(string path, string model)
        {
            if (!chipsKnown) return;
            if (!catalogue.Contains(model)) Error(path, UnknownChip(model, catalogue.Models));
            else if (capacityKnown && !made.Contains(model)) Error(path, $"no chipmaker in $.chipmakers has capacity for \"{model}\"");
        }
        // Chips installed before the run need no maker in the run, only a place in the catalogue.
        void Catalogued(string path, string model)
        {
            if (chipsKnown && !catalogue.Contains(model)) Error(path, UnknownChip(model, catalogue.Models));
        }
        // Generated ids are the prefix and a number: an empty prefix makes bare numbers, which other ids may be too.
        void IdPrefix(string path, string prefix)
        {
            if (string.IsNullOrWhiteSpace(prefix)) Error(path, $"expected a prefix for the generated ids, such as \"dc\", found \"{prefix}\"");
        }
        void Weights(string path, IReadOnlyDictionary<string, double> weights, Action<string, string> key)
        {
            if (weights.Count == 0 || weights.Values.Sum() <= 0) Error(path, "expected at least one positive weight");
            foreach (var (name, _) in weights) key($"{path}.{name}", name);
        }

        var dataCentreIds = new HashSet<string>(StringComparer.Ordinal);
        Unique(spec.DataCentres.Sites.Select(s => s.Id), "$.dataCentres.sites", Error);
        for (var i = 0; i < spec.DataCentres.Sites.Count; i++)
        {
            var site = spec.DataCentres.Sites[i];
            var path = $"$.dataCentres.sites[{i}]";
            dataCentreIds.Add(site.Id);
            if (site.Owner is { } owner && string.IsNullOrWhiteSpace(owner))
                Error($"{path}.owner", $"expected the owner's name, found \"{owner}\" (leave owner out for a site that owns itself)");
            Country($"{path}.country", site.Country);
            if (site.OwnerHeadquarters is { } hq) Country($"{path}.ownerHeadquarters", hq);
            Chip($"{path}.chipModel", site.ChipModel);
            if (site.InstalledChipModel is { } installed) Catalogued($"{path}.installedChipModel", installed);
            if (site.ActiveUntil is { } until && site.ActiveFrom is { } from && until < from)
                Error($"{path}.activeUntil", $"expected a month no earlier than activeFrom ({from}), found {until}");
            if (site.TargetH100e > 10_000_000)
                errors.Add(new ScenarioError(scenario.SourceFile, null, null, $"{path}.targetH100e",
                    $"{site.TargetH100e:N0} H100e is more than the world makes: is this TPP rather than H100e?", IsWarning: true));
        }
        var dataCentres = (long)spec.DataCentres.Sites.Count;
        if (dataCentres > ScenarioLimits.DataCentres)
            Error("$.dataCentres.sites", $"expected at most {ScenarioLimits.DataCentres:N0} data centres in all (so that a run fits a laptop's memory), found {dataCentres:N0}");
        for (var i = 0; i < spec.DataCentres.Generate.Count; i++)
        {
            var generator = spec.DataCentres.Generate[i];
            var path = $"$.dataCentres.generate[{i}]";
            IdPrefix($"{path}.idPrefix", generator.IdPrefix);
            Weights($"{path}.countryWeights", generator.CountryWeights, Country);
            Weights($"{path}.chipModels", generator.ChipModels, Chip);
            if (generator.InstalledChipModel is { } installed) Catalogued($"{path}.installedChipModel", installed);
            if (generator.ActiveUntil is { } until && generator.ActiveFrom is { } from && until < from)
                Error($"{path}.activeUntil", $"expected a month no earlier than activeFrom ({from}), found {until}");
            dataCentres += generator.Count;
            if (dataCentres > ScenarioLimits.DataCentres && dataCentres - generator.Count <= ScenarioLimits.DataCentres)
                Error($"{path}.count", $"expected at most {ScenarioLimits.DataCentres:N0} data centres in all (listed and generated; so that a run fits a laptop's memory), found {Total(spec.DataCentres.Sites.Count, spec.DataCentres.Generate.Select(g => g.Count)):N0}");
        }

        var siteIdsKnown = !AnyUnder(unread, "$.dataCentres.sites", spec.DataCentres.Sites.Count, "id")
            && !spec.DataCentres.Generate.Select((_, i) => i).Any(i => unread($"$.dataCentres.generate[{i}].count") || unread($"$.dataCentres.generate[{i}].idPrefix"));
        Unique(spec.Intermediaries.List.Select(m => m.Id), "$.intermediaries.list", Error);
        for (var i = 0; i < spec.Intermediaries.List.Count; i++)
        {
            var broker = spec.Intermediaries.List[i];
            var path = $"$.intermediaries.list[{i}]";
            Country($"{path}.hub", broker.Hub);
            if (siteIdsKnown && !dataCentreIds.Contains(broker.Buyer) && !spec.DataCentres.Generate.Any(g => Model.Worlds.WorldBuilder.IsGeneratedId(broker.Buyer, g.IdPrefix, g.Count)))
                Error($"{path}.buyer", $"unknown data centre \"{broker.Buyer}\"; expected the id of a data centre in the world");
            Chip($"{path}.chipModel", broker.ChipModel);
            if (broker.Transit.Count > ScenarioLimits.TransitCountries)
                Error($"{path}.transit", $"expected at most {ScenarioLimits.TransitCountries} transit countries (each adds a month), found {broker.Transit.Count}");
            for (var j = 0; j < broker.Transit.Count; j++) Country($"{path}.transit[{j}]", broker.Transit[j]);
        }
        var intermediaries = (long)spec.Intermediaries.List.Count;
        if (intermediaries > ScenarioLimits.Intermediaries)
            Error("$.intermediaries.list", $"expected at most {ScenarioLimits.Intermediaries:N0} intermediaries in all (so that a run fits a laptop's memory), found {intermediaries:N0}");
        for (var i = 0; i < spec.Intermediaries.Generate.Count; i++)
        {
            var generator = spec.Intermediaries.Generate[i];
            var path = $"$.intermediaries.generate[{i}]";
            IdPrefix($"{path}.idPrefix", generator.IdPrefix);
            Weights($"{path}.hubWeights", generator.HubWeights, Country);
            Weights($"{path}.chipModels", generator.ChipModels, Chip);
            if (generator.BuyerCountries.Count == 0) Error($"{path}.buyerCountries", "expected at least one country");
            for (var j = 0; j < generator.BuyerCountries.Count; j++) Country($"{path}.buyerCountries[{j}]", generator.BuyerCountries[j]);
            intermediaries += generator.Count;
            if (intermediaries > ScenarioLimits.Intermediaries && intermediaries - generator.Count <= ScenarioLimits.Intermediaries)
                Error($"{path}.count", $"expected at most {ScenarioLimits.Intermediaries:N0} intermediaries in all (listed and generated; so that a run fits a laptop's memory), found {Total(spec.Intermediaries.List.Count, spec.Intermediaries.Generate.Select(g => g.Count)):N0}");
        }

        ValidateThresholds("$.breachThresholdsH100e", spec.BreachThresholdsH100e, Error);
        foreach (var (kind, thresholds) in spec.BreachThresholdsH100eByKind)
        {
            var path = $"$.breachThresholdsH100eByKind.{kind}";
            if (!Model.Breaches.BreachKind.All.Contains(kind))
                Error(path, $"unknown breach kind \"{kind}\"{DidYouMean(kind, Model.Breaches.BreachKind.All)}; expected one of {string.Join(", ", Model.Breaches.BreachKind.All)}");
            else ValidateThresholds(path, thresholds, Error);
        }
        foreach (var problem in ExplorationSpace.Problems(scenario, unread)) Error(problem.Path, problem.Message);
        return errors.Where(e => !unread(e.JsonPath)).ToList();
    }

    /// <summary>Concern thresholds (each in range, by its [ValueRange]): at most ten, each larger than the one before.</summary>
    private static void ValidateThresholds(string path, IReadOnlyList<double> thresholds, Action<string, string> error)
    {
        if (thresholds.Count > 10) error(path, $"expected at most 10 thresholds, found {thresholds.Count}");
        for (var i = 1; i < thresholds.Count; i++)
            if (!(thresholds[i] > thresholds[i - 1]))
                error($"{path}[{i}]", $"expected thresholds in ascending order, each larger than the one before ({thresholds[i - 1]}), found {thresholds[i]}");
    }

    private static long Total(int listed, IEnumerable<int> generated) => listed + generated.Sum(n => (long)n);

    /// <summary>Whether the value at <paramref name="key"/> of any of the <paramref name="count"/> items under
    /// <paramref name="path"/> (or the list itself) could not be read.</summary>
    private static bool AnyUnder(Func<string, bool> unread, string path, int count, string key) =>
        unread(path) || Enumerable.Range(0, count).Any(i => unread($"{path}[{i}].{key}"));

    /// <summary>
    /// Why a run from <paramref name="start"/> for <paramref name="months"/> months would end too late (after
    /// <see cref="ScenarioLimits.LastMonth"/>, beyond which what agents schedule would need a five-digit year); null
    /// when it does not.
    /// </summary>
    public static string? LastMonthProblem(Model.Units.YearMonth start, int months) =>
        start > ScenarioLimits.LastMonth
            ? $"expected a month up to {ScenarioLimits.LastMonth} (agents schedule up to 100 years ahead, and a month has a four-digit year), found {start}"
            : (long)start.Index + months - 1 > ScenarioLimits.LastMonth.Index
                ? $"expected at most {ScenarioLimits.LastMonth - start + 1:N0} months from {start} (a run ends by {ScenarioLimits.LastMonth}, so that what agents schedule after it has a four-digit year), found {months:N0}"
                : null;

    /// <summary>An ISO 3166-1 alpha-2 code: two capital letters.</summary>
    public static bool IsCountryCode(string code) => code is [>= 'A' and <= 'Z', >= 'A' and <= 'Z'];

    private static void ValidateRareEarths(Model.RareEarths.RareEarthSpec rareEarths, ResolvedScenario scenario, Action<string, string> error, bool countriesKnown, bool chipsKnown)
    {
        const string path = "$.rareEarths";
        void Country(string at, string code)
        {
            if (countriesKnown && !scenario.Countries.Contains(code)) error(at, $"unknown country code \"{code}\"");
        }
        void Chips(string at, IEnumerable<string> models)
        {
            foreach (var model in models)
                if (chipsKnown && !scenario.Catalogue.Contains(model)) error(at, UnknownChip(model, scenario.Catalogue.Models));
        }
        void Policy(string at, string? policy)
        {
            if (policy is not ("open" or "licensed" or "frozen")) error($"{at}.policy", $"expected \"open\", \"licensed\" or \"frozen\", found \"{policy}\"");
        }
        if (rareEarths.Exporter is { } exporter)
        {
            Country($"{path}.exporter.country", exporter.Country);
            for (var i = 0; i < exporter.Policy.Count; i++) Policy($"{path}.exporter.policy[{i}]", exporter.Policy[i].Policy);
        }
        for (var i = 0; i < rareEarths.Importers.Count; i++) Country($"{path}.importers[{i}].country", rareEarths.Importers[i].Country);
        if (rareEarths.ConcessionRule is { } rule)
        {
            if (rareEarths.Exporter is null) error($"{path}.concessionRule", "a concession rule needs an exporter to offer to");
            if (rareEarths.Importers.All(i => i.Country != rule.Importer)) error($"{path}.concessionRule.importer", $"expected one of the importers, found \"{rule.Importer}\"");
            if (rule.Trigger is not ("shortage" or "pressure")) error($"{path}.concessionRule.trigger", $"expected \"shortage\" or \"pressure\", found \"{rule.Trigger}\"");
            // A shortage is a fraction of the need; pressure adds shortages up, so only it can pass 1.
            if (rule.Trigger == "shortage" && rule.Threshold > 1)
                error($"{path}.concessionRule.threshold", $"expected a shortage from 0 to 1, found {ScenarioLimits.Format(rule.Threshold)}");
            Chips($"{path}.concessionRule.chipModels", rule.ChipModels);
        }
        for (var i = 0; i < rareEarths.Script.Count; i++)
        {
            var scripted = rareEarths.Script[i];
            if (scripted.Type == "exporter-policy") Policy($"{path}.script[{i}]", scripted.Policy);
            else if (scripted.Type != "concession") error($"{path}.script[{i}].type", $"expected \"exporter-policy\" or \"concession\", found \"{scripted.Type}\"");
            Chips($"{path}.script[{i}].chipModels", scripted.ChipModels);
        }
    }

    private static void Unique(IEnumerable<string> ids, string path, Action<string, string> error)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var id in ids)
        {
            // An empty id names nothing: not a folder of results, not a buyer, not a row anyone could find.
            if (string.IsNullOrWhiteSpace(id)) error($"{path}[{index}].id", $"expected a non-empty id, found \"{id}\"");
            else if (!seen.Add(id)) error($"{path}[{index}].id", $"duplicate id \"{id}\"; ids must be unique");
            index++;
        }
    }

    private static string UnknownChip(string model, IEnumerable<string> known) =>
        $"unknown chip model \"{model}\"{DidYouMean(model, known, always: true)}";

    [GeneratedRegex("^[A-Za-z0-9._-]{1,100}$")]
    private static partial Regex SafeName();
}
