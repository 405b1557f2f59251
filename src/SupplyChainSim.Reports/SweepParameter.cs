using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Reports;

/// <summary>
/// One parameter of a sweep, as a page shows it: its path as given, its name in words ("LPP allowance per consignee
/// per year (lpp-exemption)"), the unit its values are drawn in (a TPP setting in H100e), each value in that unit,
/// and the policy value: what the scenario itself has before --set.
/// </summary>
/// <param name="Path">The JSON path as given with --set.</param>
/// <param name="Title">The parameter in words, or else its path.</param>
/// <param name="Unit">The unit values are drawn in: "H100e", "probability", or "" for none.</param>
/// <param name="Values">The values as given (JSON text), in the order given.</param>
/// <param name="Drawn">Each value in <see cref="Unit"/>; null for a value that is not a number.</param>
/// <param name="Policy">The scenario's own value in <see cref="Unit"/>, when it is a number.</param>
/// <param name="PolicyText">The scenario's own value as JSON text, when the scenario has the key.</param>
/// <param name="GivenInTpp">The values were given in TPP (drawn in H100e).</param>
public sealed partial record SweepParameter(string Path, string Title, string Unit, IReadOnlyList<string> Values, IReadOnlyList<double?> Drawn,
    double? Policy, string? PolicyText, bool GivenInTpp)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Settings of rules by what they are called in words; keyed by rule name and key (without the unit's suffix).</summary>
    private static readonly Dictionary<(string Rule, string Key), string> RuleKeys = new()
    {
        [("lpp-exemption", "allowance")] = "LPP allowance per consignee per year",
        [("lpp-exemption", "tiers")] = "tiers the LPP exemption applies to",
        [("country-cap", "cap")] = "country cap over the period",
        [("country-cap", "agreementMultiplier")] = "country cap multiplier for agreement countries",
        [("small-installation", "maxChips")] = "largest installation exempt, in chips",
        [("case-by-case-window", "max")] = "TPP ceiling of a chip in the case-by-case window",
        [("verified-end-user", "limitH100ePerCountry")] = "verified end user's limit per country",
        [("bilateral-quota", "quotaH100ePerYear")] = "bilateral quota per year",
        [("model-licence", "quotaH100ePerMonth")] = "licensed quota per month",
        [("reciprocity", "simplifiedUpToGb300")] = "reciprocity: simplified band, up to (GB300e)",
        [("reciprocity", "preclearanceUpToGb300")] = "reciprocity: pre-clearance band, up to (GB300e)",
        [("exemption-conditions", "exporterMonitoring")] = "exporter monitoring: chance of catching a diverted lot",
        [("exemption-conditions", "noClustering")] = "no-clustering software required",
        [("exemption-conditions", "noClusteringLimit")] = "no-clustering limit",
        [("exemption-conditions", "locationVerification")] = "location verification required",
        [("revenue-share", "share")] = "revenue share",
    };

    /// <summary>Settings outside the rules, by their path (array items by [*]).</summary>
    private static readonly Dictionary<string, string> Paths = new(StringComparer.Ordinal)
    {
        ["$.enforcement.hubCustomsDetection"] = "customs detection in transit hubs, per lot and country (times each country's enforcement)",
        ["$.enforcement.locationVerificationDetection"] = "location verification's chance of catching a diverted lot",
        ["$.months"] = "months run",
        ["$.start"] = "first month",
        ["$.intermediaries.list[*].splitFraction"] = "share of the allowance each shell buys a year",
        ["$.intermediaries.list[*].shells"] = "shell companies per intermediary",
        ["$.intermediaries.list[*].chipsPerOrder"] = "chips per order",
        ["$.intermediaries.list[*].delayMonths"] = "months a lot waits in the hub",
        ["$.dataCentres.sites[*].targetH100e"] = "cluster size the owner builds toward",
        ["$.dataCentres.sites[*].linkAcrossSites"] = "owner links its sites in a country",
        ["$.dataCentres.sites[*].circumventionPerMonth"] = "monthly chance of getting round no-clustering software",
    };

    /// <param name="path">The parameter's path as given with --set.</param>
    /// <param name="resolvedPath">The same path as the first of its values was laid into the scenario: named items numbered.</param>
    /// <param name="scenario">The scenario loaded without any --set: where the policy value and the rule's name come from.</param>
    public static SweepParameter Of(string path, string? resolvedPath, IReadOnlyList<string> values, ResolvedScenario scenario)
    {
        var resolved = resolvedPath ?? path;
        var key = path[(path.LastIndexOfAny(['.', ']']) + 1)..];
        var tpp = key.EndsWith(TppKeys.TppSuffix, StringComparison.Ordinal);
        var h100e = key.EndsWith(TppKeys.H100eSuffix, StringComparison.Ordinal);
        var stem = tpp ? key[..^TppKeys.TppSuffix.Length] : h100e && TppKeys.OtherUnit(key) is { } other ? other[..^TppKeys.TppSuffix.Length] : key;

        // What the scenario has at the path before --set (the setting in TPP, when it was given in H100e), defaults included.
        var spec = JsonSerializer.SerializeToNode(scenario.Spec, ScenarioJson.Write);
        var own = Find(spec, resolved);
        var ownTpp = false;
        if (own is null && h100e && TppKeys.OtherUnit(key) is { } tppKey)
        {
            own = Find(spec, resolved[..^key.Length] + tppKey);
            ownTpp = own is not null;
        }
        var inH100e = tpp || (h100e && (ownTpp || own is not null || IsTppSetting(spec, resolved, key)));

        string title;
        if (RuleIndex().Match(resolved) is { Success: true } rule && int.Parse(rule.Groups["index"].Value, Invariant) is var index
            && index < scenario.Spec.Regime.Rules.Count)
        {
            var regimeRule = scenario.Spec.Regime.Rules[index];
            var words = RuleKeys.GetValueOrDefault((regimeRule.Name, stem)) ?? RuleKeys.GetValueOrDefault((regimeRule.Name, key))
                ?? (key == "from" ? "first month in force" : key == "until" ? "last month in force" : key);
            title = $"{words} ({regimeRule.Reason})";
        }
        else
        {
            var general = ArrayIndex().Replace(resolved, "[*]");
            title = Paths.TryGetValue(general, out var words)
                ? words + (Item(spec, resolved) is { } item ? $" ({item})" : "")
                : path;
        }
        var unit = inH100e ? "H100e" : key.Contains("Detection", StringComparison.Ordinal) || key is "exporterMonitoring" or "circumventionPerMonth" ? "probability" : "";

        double? Number(JsonNode? node) =>
            node is JsonValue value && value.GetValueKind() == JsonValueKind.Number ? double.Parse(value.ToJsonString(), NumberStyles.Float, Invariant) : null;
        double? Drawn(double? number, bool givenInTpp) => number is { } n && givenInTpp ? Tpp.FromTpp(n).H100e : number;
        var drawn = values.Select(v => Drawn(Number(Parse(v)), tpp)).ToList();
        return new SweepParameter(path, title, unit, values, drawn, Drawn(Number(own), tpp || ownTpp), own?.ToJsonString(), tpp);
    }

    /// <summary>Whether the value drawn is a number for every value given.</summary>
    public bool Numeric => Drawn.All(d => d is not null);

    /// <summary>"LPP allowance per consignee per year (lpp-exemption), H100e": the axis title.</summary>
    public string AxisTitle => Unit.Length == 0 ? Title : $"{Title}, {Unit}";

    /// <summary>A value as the page shows it: in the unit drawn ("500.0 H100e"), with the value given beside it when that differs.</summary>
    public string Show(int index)
    {
        var given = Values[index];
        if (Drawn[index] is not { } value) return given;
        if (Unit != "H100e") return value.ToString("#,##0.####", Invariant);
        return $"{H100eDisplay.H100eText(value)} H100e" + (GivenInTpp ? $" ({given} TPP)" : "");
    }

    /// <summary>Whether the value at <paramref name="index"/> is the scenario's own.</summary>
    public bool IsPolicy(int index) =>
        (Drawn[index] is { } value && Policy is { } policy && Math.Abs(value - policy) <= 1e-9 * Math.Max(1, Math.Abs(policy)))
        || (PolicyText is not null && Values[index] == PolicyText);

    /// <summary>The policy value in words: "1,699.2 H100e" or the value as JSON; "not set" when the scenario lacks the key.</summary>
    public string PolicyShown => Policy is { } p ? (Unit == "H100e" ? $"{H100eDisplay.H100eText(p)} H100e" : p.ToString("#,##0.####", Invariant)) : PolicyText ?? "not set";

    private static JsonNode? Parse(string json)
    {
        try
        {
            return JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The node at a path of keys and indexes (the scenario as written, camelCase), or null.</summary>
    private static JsonNode? Find(JsonNode? node, string path)
    {
        foreach (Match step in PathStep().Matches(path))
        {
            node = step.Groups["key"].Success
                ? (node as JsonObject)?[step.Groups["key"].Value]
                : node is JsonArray array && int.TryParse(step.Groups["index"].Value, NumberStyles.None, Invariant, out var i) && i < array.Count ? array[i] : null;
            if (node is null) return null;
        }
        return node;
    }

    /// <summary>Whether the object at the path's parent has the setting in TPP (so its H100e form is a TPP setting).</summary>
    private static bool IsTppSetting(JsonNode? spec, string path, string key) =>
        TppKeys.OtherUnit(key) is { } tppKey && Find(spec, path[..^key.Length].TrimEnd('.')) is JsonObject parent && parent.ContainsKey(tppKey);

    /// <summary>The id of the listed item a path goes through ("sg-network-1"), to name it beside the setting.</summary>
    private static string? Item(JsonNode? spec, string path) =>
        LastItem().Match(path) is { Success: true } item && Find(spec, item.Value) is JsonObject obj && obj["id"] is JsonValue id
            && id.GetValueKind() == JsonValueKind.String ? id.GetValue<string>() : null;

    [GeneratedRegex(@"^\$\.regime\.rules\[(?<index>\d+)\]\.[A-Za-z0-9_]+$")]
    private static partial Regex RuleIndex();

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex ArrayIndex();

    [GeneratedRegex(@"^.*\[\d+\]")]
    private static partial Regex LastItem();

    [GeneratedRegex(@"\.(?<key>[A-Za-z_$][A-Za-z0-9_]*)|\[(?<index>\d+)\]")]
    private static partial Regex PathStep();
}
