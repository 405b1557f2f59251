using System.Text.RegularExpressions;
using SupplyChainSim.Model.Regimes;

namespace SupplyChainSim.Model.Scenarios;

/// <summary>
/// Checks what JSON types alone cannot: ranges, uniqueness and references between parts of the scenario
/// (countries, chip models, chipmakers, buyers). Every problem is reported, not just the first.
/// </summary>
public static partial class ScenarioValidator
{
    public const int MaxMonths = 1200;
    public const int MaxGeneratedAgents = 10_000_000;

    public static IReadOnlyList<ScenarioError> Validate(ResolvedScenario scenario)
    {
        var spec = scenario.Spec;
        var errors = new List<ScenarioError>();
        void Error(string path, string message) => errors.Add(new ScenarioError(scenario.SourceFile, null, null, path, message));

        if (spec.FormatVersion != ScenarioSpec.CurrentFormatVersion)
            Error("$.formatVersion", $"expected {ScenarioSpec.CurrentFormatVersion}, found {spec.FormatVersion}");
        if (!SafeName().IsMatch(spec.Name))
            Error("$.name", $"expected letters, digits, '.', '_' or '-' (it names the output folder), found \"{spec.Name}\"");
        if (spec.Months is < 1 or > MaxMonths) Error("$.months", $"expected 1 to {MaxMonths}, found {spec.Months}");

        var countries = scenario.Countries;
        var catalogue = scenario.Catalogue;
        void Country(string path, string code)
        {
            if (!countries.Contains(code)) Error(path, $"unknown country code \"{code}\"; expected an ISO 3166-1 alpha-2 code from the country list");
        }
        void NonNegative(string path, double value)
        {
            if (!(value >= 0)) Error(path, $"expected a number >= 0, found {value}");
        }
        void AtLeastOne(string path, int value)
        {
            if (value < 1) Error(path, $"expected a whole number >= 1, found {value}");
        }

        for (var i = 0; i < spec.Regime.Rules.Count; i++)
        {
            ValidateRule($"$.regime.rules[{i}]", spec.Regime.Rules[i], scenario, Error);
            foreach (var (at, message) in UnitWarnings($"$.regime.rules[{i}]", spec.Regime.Rules[i]))
                errors.Add(new ScenarioError(scenario.SourceFile, null, null, at, message, IsWarning: true));
        }

        ValidateRareEarths(spec.RareEarths, scenario, Error);

        for (var i = 0; i < spec.Countries.Count; i++)
        {
            var c = spec.Countries[i];
            if (c.Tier is < 1 or > 3) Error($"$.countries[{i}].tier", $"expected 1, 2 or 3, found {c.Tier}");
            if (c.CustomsEnforcement is < 0 or > 1) Error($"$.countries[{i}].customsEnforcement", $"expected a probability in [0,1], found {c.CustomsEnforcement}");
        }

        var made = new HashSet<string>(StringComparer.Ordinal);
        Unique(spec.Chipmakers.Select(m => m.Id), "$.chipmakers", Error);
        for (var i = 0; i < spec.Chipmakers.Count; i++)
        {
            var maker = spec.Chipmakers[i];
            var path = $"$.chipmakers[{i}]";
            Country($"{path}.country", maker.Country);
            NonNegative($"{path}.leadTimeMonths", maker.LeadTimeMonths);
            foreach (var (model, capacity) in maker.Capacity)
            {
                if (!catalogue.Contains(model)) Error($"{path}.capacity.{model}", UnknownChip(model, catalogue.Models));
                NonNegative($"{path}.capacity.{model}", capacity);
                if (capacity > 0) made.Add(model);
            }
        }

        void Chip(string path, string model)
        {
            if (!catalogue.Contains(model)) Error(path, UnknownChip(model, catalogue.Models));
            else if (!made.Contains(model)) Error(path, $"no chipmaker in $.chipmakers has capacity for \"{model}\"");
        }
        void Weights(string path, IReadOnlyDictionary<string, double> weights, Action<string, string> key)
        {
            if (weights.Count == 0 || weights.Values.Sum() <= 0) Error(path, "expected at least one positive weight");
            foreach (var (name, weight) in weights)
            {
                key($"{path}.{name}", name);
                NonNegative($"{path}.{name}", weight);
            }
        }

        var dataCentreIds = new HashSet<string>(StringComparer.Ordinal);
        Unique(spec.DataCentres.Sites.Select(s => s.Id), "$.dataCentres.sites", Error);
        for (var i = 0; i < spec.DataCentres.Sites.Count; i++)
        {
            var site = spec.DataCentres.Sites[i];
            var path = $"$.dataCentres.sites[{i}]";
            dataCentreIds.Add(site.Id);
            Country($"{path}.country", site.Country);
            if (site.OwnerHeadquarters is { } hq) Country($"{path}.ownerHeadquarters", hq);
            Chip($"{path}.chipModel", site.ChipModel);
            NonNegative($"{path}.targetH100e", site.TargetH100e);
            if (site.TargetH100e > 10_000_000)
                errors.Add(new ScenarioError(scenario.SourceFile, null, null, $"{path}.targetH100e",
                    $"{site.TargetH100e:N0} H100e is more than the world makes: is this TPP rather than H100e?", IsWarning: true));
            if (!(site.OrderSizeH100e > 0)) Error($"{path}.orderSizeH100e", $"expected a number > 0, found {site.OrderSizeH100e}");
            AtLeastOne($"{path}.orderEveryMonths", site.OrderEveryMonths);
            NonNegative($"{path}.firstOrderMonth", site.FirstOrderMonth);
        }
        for (var i = 0; i < spec.DataCentres.Generate.Count; i++)
        {
            var generator = spec.DataCentres.Generate[i];
            var path = $"$.dataCentres.generate[{i}]";
            if (generator.Count is < 0 or > MaxGeneratedAgents) Error($"{path}.count", $"expected 0 to {MaxGeneratedAgents:N0}, found {generator.Count}");
            Weights($"{path}.countryWeights", generator.CountryWeights, Country);
            Weights($"{path}.chipModels", generator.ChipModels, Chip);
            NonNegative($"{path}.ownersPerCountry", generator.OwnersPerCountry);
        }

        Unique(spec.Intermediaries.List.Select(m => m.Id), "$.intermediaries.list", Error);
        for (var i = 0; i < spec.Intermediaries.List.Count; i++)
        {
            var broker = spec.Intermediaries.List[i];
            var path = $"$.intermediaries.list[{i}]";
            Country($"{path}.hub", broker.Hub);
            if (!dataCentreIds.Contains(broker.Buyer) && !spec.DataCentres.Generate.Any(g => Worlds.WorldBuilder.IsGeneratedId(broker.Buyer, g.IdPrefix, g.Count)))
                Error($"{path}.buyer", $"unknown data centre \"{broker.Buyer}\"; expected the id of a data centre in the world");
            Chip($"{path}.chipModel", broker.ChipModel);
            AtLeastOne($"{path}.shells", broker.Shells);
            AtLeastOne($"{path}.chipsPerOrder", broker.ChipsPerOrder);
            AtLeastOne($"{path}.orderEveryMonths", broker.OrderEveryMonths);
            NonNegative($"{path}.delayMonths", broker.DelayMonths);
            NonNegative($"{path}.markup", broker.Markup);
            for (var j = 0; j < broker.Transit.Count; j++) Country($"{path}.transit[{j}]", broker.Transit[j]);
            if (broker.SplitFraction is { } split && !(split > 0 && split <= 1))
                Error($"{path}.splitFraction", $"expected a fraction in (0,1], found {split}");
            NonNegative($"{path}.firstOrderMonth", broker.FirstOrderMonth);
        }
        for (var i = 0; i < spec.Intermediaries.Generate.Count; i++)
        {
            var generator = spec.Intermediaries.Generate[i];
            var path = $"$.intermediaries.generate[{i}]";
            if (generator.Count is < 0 or > MaxGeneratedAgents) Error($"{path}.count", $"expected 0 to {MaxGeneratedAgents:N0}, found {generator.Count}");
            Weights($"{path}.hubWeights", generator.HubWeights, Country);
            Weights($"{path}.chipModels", generator.ChipModels, Chip);
            if (generator.BuyerCountries.Count == 0) Error($"{path}.buyerCountries", "expected at least one country");
            for (var j = 0; j < generator.BuyerCountries.Count; j++) Country($"{path}.buyerCountries[{j}]", generator.BuyerCountries[j]);
        }

        ValidateThresholds("$.breachThresholdsH100e", spec.BreachThresholdsH100e, Error);
        foreach (var (kind, thresholds) in spec.BreachThresholdsH100eByKind)
        {
            var path = $"$.breachThresholdsH100eByKind.{kind}";
            if (!Breaches.BreachKind.All.Contains(kind))
                Error(path, $"unknown breach kind \"{kind}\"{DidYouMean(kind, Breaches.BreachKind.All)}; expected one of {string.Join(", ", Breaches.BreachKind.All)}");
            else ValidateThresholds(path, thresholds, Error);
        }
        return errors;
    }

    /// <summary>The most a concern threshold may be: more than any cluster the world could build is a unit mistake.</summary>
    public const double MaxThresholdH100e = 100_000_000;

    /// <summary>Concern thresholds: positive excesses in H100e, each larger than the one before.</summary>
    private static void ValidateThresholds(string path, IReadOnlyList<double> thresholds, Action<string, string> error)
    {
        if (thresholds.Count > 10) error(path, $"expected at most 10 thresholds, found {thresholds.Count}");
        for (var i = 0; i < thresholds.Count; i++)
        {
            var value = thresholds[i];
            if (!double.IsFinite(value) || value <= 0 || value > MaxThresholdH100e)
                error($"{path}[{i}]", $"expected an excess in H100e above 0 and at most {MaxThresholdH100e:N0}, found {value}");
            else if (i > 0 && !(value > thresholds[i - 1]))
                error($"{path}[{i}]", $"expected thresholds in ascending order, each larger than the one before ({thresholds[i - 1]}), found {value}");
        }
    }

    private static void ValidateRareEarths(RareEarths.RareEarthSpec rareEarths, ResolvedScenario scenario, Action<string, string> error)
    {
        const string path = "$.rareEarths";
        void Country(string at, string code)
        {
            if (!scenario.Countries.Contains(code)) error(at, $"unknown country code \"{code}\"");
        }
        void Policy(string at, string? policy, double approvalRate)
        {
            if (policy is not ("open" or "licensed" or "frozen")) error($"{at}.policy", $"expected \"open\", \"licensed\" or \"frozen\", found \"{policy}\"");
            if (approvalRate is < 0 or > 1) error($"{at}.approvalRate", $"expected a fraction in [0,1], found {approvalRate}");
        }
        if (rareEarths.Exporter is { } exporter)
        {
            Country($"{path}.exporter.country", exporter.Country);
            for (var i = 0; i < exporter.Policy.Count; i++) Policy($"{path}.exporter.policy[{i}]", exporter.Policy[i].Policy, exporter.Policy[i].ApprovalRate);
        }
        for (var i = 0; i < rareEarths.Importers.Count; i++)
        {
            var importer = rareEarths.Importers[i];
            Country($"{path}.importers[{i}].country", importer.Country);
            if (!(importer.MonthlyNeedTonnes > 0)) error($"{path}.importers[{i}].monthlyNeedTonnes", $"expected a number > 0, found {importer.MonthlyNeedTonnes}");
            foreach (var (key, value) in new[] { ("shareFromExporter", importer.ShareFromExporter), ("buildOutElasticity", importer.BuildOutElasticity),
                         ("productionElasticity", importer.ProductionElasticity), ("pressureDecay", importer.PressureDecay) })
                if (value is < 0 or > 1) error($"{path}.importers[{i}].{key}", $"expected a fraction in [0,1], found {value}");
        }
        if (rareEarths.ConcessionRule is { } rule)
        {
            if (rareEarths.Exporter is null) error($"{path}.concessionRule", "a concession rule needs an exporter to offer to");
            if (rareEarths.Importers.All(i => i.Country != rule.Importer)) error($"{path}.concessionRule.importer", $"expected one of the importers, found \"{rule.Importer}\"");
            if (rule.Trigger is not ("shortage" or "pressure")) error($"{path}.concessionRule.trigger", $"expected \"shortage\" or \"pressure\", found \"{rule.Trigger}\"");
            foreach (var model in rule.ChipModels)
                if (!scenario.Catalogue.Contains(model)) error($"{path}.concessionRule.chipModels", UnknownChip(model, scenario.Catalogue.Models));
        }
        for (var i = 0; i < rareEarths.Script.Count; i++)
        {
            var scripted = rareEarths.Script[i];
            if (scripted.Type == "exporter-policy") Policy($"{path}.script[{i}]", scripted.Policy, scripted.ApprovalRate);
            else if (scripted.Type != "concession") error($"{path}.script[{i}].type", $"expected \"exporter-policy\" or \"concession\", found \"{scripted.Type}\"");
            foreach (var model in scripted.ChipModels)
                if (!scenario.Catalogue.Contains(model)) error($"{path}.script[{i}].chipModels", UnknownChip(model, scenario.Catalogue.Models));
        }
    }

    /// <summary>Thresholds far outside what the policy record uses: most likely TPP and H100e mixed up.</summary>
    private static IEnumerable<(string Path, string Message)> UnitWarnings(string path, RegimeRule rule)
    {
        const double h100 = 15_831.2;
        static string H100e(double tpp) => (tpp / h100).ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
        switch (rule)
        {
            case LppExemption lpp when lpp.AllowanceTpp < 10 * h100 || lpp.AllowanceTpp > 1_000_000 * h100:
                yield return ($"{path}.allowanceTpp", $"{lpp.AllowanceTpp:N0} TPP is {H100e(lpp.AllowanceTpp)} H100e a consignee a year; the rule's is 26,900,000 TPP (1,699 H100e): is this in the right unit (TPP, not H100e)?");
                break;
            case CountryCap cap when cap.CapTpp < 1_000 * h100 || cap.CapTpp > 100_000_000 * h100:
                yield return ($"{path}.capTpp", $"{cap.CapTpp:N0} TPP is {H100e(cap.CapTpp)} H100e; the Tier 2 cap is 790,000,000 TPP (49,901 H100e): is this in the right unit (TPP, not H100e)?");
                break;
            case BilateralQuota quota when quota.QuotaH100ePerYear > 10_000_000:
                yield return ($"{path}.quotaH100ePerYear", $"{quota.QuotaH100ePerYear:N0} H100e a year is more than the world makes: is this TPP rather than H100e?");
                break;
            case VerifiedEndUser veu when veu.LimitH100ePerCountry > 10_000_000:
                yield return ($"{path}.limitH100ePerCountry", $"{veu.LimitH100ePerCountry:N0} H100e is more than the world makes: is this TPP rather than H100e?");
                break;
            case ExemptionConditions conditions when conditions.NoClusteringLimitH100e > 10_000_000:
                yield return ($"{path}.noClusteringLimitH100e", $"{conditions.NoClusteringLimitH100e:N0} H100e is more than the world makes: is this TPP rather than H100e?");
                break;
        }
    }

    private static void ValidateRule(string path, RegimeRule rule, ResolvedScenario scenario, Action<string, string> error)
    {
        void Countries(string key, IEnumerable<string> codes)
        {
            foreach (var code in codes)
                if (!scenario.Countries.Contains(code)) error($"{path}.{key}", $"unknown country code \"{code}\"");
        }
        void Chips(string key, IEnumerable<string> models)
        {
            foreach (var model in models)
                if (!scenario.Catalogue.Contains(model)) error($"{path}.{key}", UnknownChip(model, scenario.Catalogue.Models));
        }
        void Fraction(string key, double value)
        {
            if (value is < 0 or > 1) error($"{path}.{key}", $"expected a fraction in [0,1], found {value}");
        }
        void Positive(string key, double value)
        {
            if (!(value > 0)) error($"{path}.{key}", $"expected a number > 0, found {value}");
        }
        void DenyOrApprove(string policy)
        {
            if (policy is not ("deny" or "approve")) error($"{path}.policy", $"expected \"deny\" or \"approve\", found \"{policy}\"");
        }
        if (rule.From is { } from && rule.Until is { } until && until < from)
            error($"{path}.until", $"expected a month on or after \"from\" ({from}), found {until}");
        switch (rule)
        {
            case CountryCap cap:
                Positive("capTpp", cap.CapTpp);
                Positive("agreementMultiplier", cap.AgreementMultiplier);
                if (cap.PeriodUntil < cap.PeriodFrom) error($"{path}.periodUntil", $"expected a month on or after periodFrom ({cap.PeriodFrom})");
                Countries("agreementCountries", cap.AgreementCountries);
                break;
            case LppExemption lpp:
                Positive("allowanceTpp", lpp.AllowanceTpp);
                break;
            case SmallInstallationExemption small:
                Positive("maxChips", small.MaxChips);
                break;
            case ModelLicence licence:
                Chips("chipModels", licence.ChipModels);
                Countries("destinations", licence.Destinations);
                DenyOrApprove(licence.Policy);
                break;
            case DestinationLicence destination:
                Countries("destinations", destination.Destinations);
                DenyOrApprove(destination.Policy);
                break;
            case CaseByCaseWindow window:
                Countries("destinations", window.Destinations);
                Positive("maxTpp", window.MaxTpp);
                break;
            case VerifiedEndUser veu:
                if (veu.Kind is not ("UVEU" or "NVEU")) error($"{path}.kind", $"expected \"UVEU\" or \"NVEU\", found \"{veu.Kind}\"");
                Positive("limitH100ePerCountry", veu.LimitH100ePerCountry);
                break;
            case BilateralQuota quota:
                Countries("country", [quota.Country]);
                Positive("quotaH100ePerYear", quota.QuotaH100ePerYear);
                break;
            case Reciprocity reciprocity:
                Countries("agreements", reciprocity.Agreements.Keys);
                if (reciprocity.PreclearanceUpToGb300 < reciprocity.SimplifiedUpToGb300)
                    error($"{path}.preclearanceUpToGb300", "expected at least simplifiedUpToGb300");
                break;
            case TransitPermit permit:
                Countries("country", [permit.Country]);
                break;
            case ExemptionConditions conditions:
                Fraction("exporterMonitoring", conditions.ExporterMonitoring);
                break;
            case RevenueShare share:
                Chips("chipModels", share.ChipModels);
                Countries("destinations", share.Destinations);
                Fraction("share", share.Share);
                break;
        }
    }

    private static void Unique(IEnumerable<string> ids, string path, Action<string, string> error)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var id in ids)
        {
            if (!seen.Add(id)) error($"{path}[{index}].id", $"duplicate id \"{id}\"; ids must be unique");
            index++;
        }
    }

    private static string UnknownChip(string model, IEnumerable<string> known) =>
        $"unknown chip model \"{model}\"{DidYouMean(model, known, always: true)}";

    /// <summary>
    /// "; did you mean "x"?" for the closest known name: one that starts with what was typed first (H100 is
    /// H100-SXM), else the nearest by edit distance, if near enough (or always, for chip models).
    /// </summary>
    public static string DidYouMean(string typed, IEnumerable<string> known, bool always = false)
    {
        var names = known.ToList();
        var lower = typed.ToLowerInvariant();
        var prefixed = names.Where(k => lower.Length >= 2 && k.ToLowerInvariant().StartsWith(lower, StringComparison.Ordinal))
            .OrderBy(k => k.Length).ThenBy(k => k, StringComparer.Ordinal).FirstOrDefault();
        if (prefixed is not null) return $"; did you mean \"{prefixed}\"?";
        var (nearest, distance) = names.Select(k => (k, d: Distance(k.ToLowerInvariant(), lower)))
            .OrderBy(x => x.d).ThenBy(x => x.k, StringComparer.Ordinal).FirstOrDefault();
        return nearest is not null && (always || distance <= Math.Max(2, typed.Length / 3)) ? $"; did you mean \"{nearest}\"?" : "";
    }

    /// <summary>Levenshtein distance, for did-you-mean suggestions.</summary>
    internal static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,100}$")]
    private static partial Regex SafeName();
}
