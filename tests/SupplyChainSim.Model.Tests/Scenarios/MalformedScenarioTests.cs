using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.ScenarioFiles;

namespace SupplyChainSim.Model.Tests;

/// <summary>A corpus of malformed scenarios, each with the exact message an analyst gets.</summary>
public class MalformedScenarioTests
{
    private const string Base = """
        {
          "formatVersion": 1,
          "name": "corpus",
          "seed": 1,
          "start": "2024-01",
          "months": 6,
          "chipmakers": [ { "id": "NVIDIA", "leadTimeMonths": 0, "capacity": { "H100-SXM": 1000, "H20": 1000 } } ],
          "dataCentres": {
            "sites": [
              { "id": "us-site", "country": "US", "chipModel": "H100-SXM", "targetH100e": 25 },
              { "id": "cn-site", "country": "CN", "chipModel": "H20", "targetH100e": 0 }
            ],
            "generate": [ { "count": 3, "countryWeights": { "BR": 1 }, "chipModels": { "H100-SXM": 1 }, "targetH100e": 50 } ]
          },
          "intermediaries": { "list": [ { "id": "sg", "hub": "SG", "buyer": "cn-site", "chipModel": "H100-SXM", "chipsPerOrder": 10 } ] },
          "regime": { "rules": [ { "rule": "baseline-3A090" } ] },
          "rareEarths": { "exporter": { "country": "CN" }, "importers": [ { "country": "US", "monthlyNeedTonnes": 100 } ] }
        }
        """;

    /// <summary>(mutation: replace this, with that; the token the error points at; the expected "path: message").</summary>
    public static TheoryData<string, string, string, string> Corpus => new()
    {
        { "\"formatVersion\": 1", "\"formatVersion\": 2", "\"formatVersion\"", "$.formatVersion: expected 1, found 2" },
        { "\"name\": \"corpus\"", "\"name\": \"my corpus!\"", "\"name\"", "$.name: expected letters, digits, '.', '_' or '-' (it names the output folder), found \"my corpus!\"" },
        { "\"months\": 6", "\"months\": 0", "\"months\"", "$.months: expected a whole number from 1 to 1,200, found 0" },
        { "\"months\": 6", "\"months\": 5000", "\"months\"", "$.months: expected a whole number from 1 to 1,200, found 5000" },
        { "\"months\": 6", "\"months\": \"six\"", "\"months\"", "$.months: expected a whole number from 1 to 1,200, found \"six\"" },
        { "\"months\": 6", "\"months\": 6.5", "\"months\"", "$.months: expected a whole number from 1 to 1,200, found 6.5" },
        { "\"seed\": 1", "\"seed\": -1", "\"seed\"", "$.seed: expected a whole number from 0 to 18,446,744,073,709,551,615, found -1" },
        { "\"start\": \"2024-01\"", "\"start\": \"2024-13\"", "\"start\"", "$.start: expected a month \"YYYY-MM\" (for example \"2025-05\"), found \"2024-13\"" },
        { "\"start\": \"2024-01\"", "\"start\": \"January 2024\"", "\"start\"", "$.start: expected a month \"YYYY-MM\" (for example \"2025-05\"), found \"January 2024\"" },
        { "\"start\": \"2024-01\"", "\"start\": 202401", "\"start\"", "$.start: expected a month as a string \"YYYY-MM\", found 202401" },
        { "\"months\": 6,", "\"monhts\": 6,", "\"monhts\"", "$.monhts: unknown key \"monhts\"; did you mean \"months\"?" },
        { "\"seed\": 1,", "", "{", "$: missing required key \"seed\"" },
        { "\"name\": \"corpus\",", "", "{", "$: missing required key \"name\"" },
        { "\"leadTimeMonths\": 0", "\"leadTime\": 0", "\"leadTime\"", "$.chipmakers[0].leadTime: unknown key \"leadTime\"; did you mean \"leadTimeMonths\"?" },
        { "\"leadTimeMonths\": 0", "\"leadTimeMonths\": -2", "\"leadTimeMonths\"", "$.chipmakers[0].leadTimeMonths: expected a whole number from 0 to 120, found -2" },
        { "\"H100-SXM\": 1000, \"H20\": 1000", "\"H100\": 1000, \"H20\": 1000", "\"H100\"", "$.chipmakers[0].capacity.H100: unknown chip model \"H100\"; did you mean \"H100-SXM\"?" },
        { "\"H20\": 1000 }", "\"H20\": -5 }", "\"H20\": -5", "$.chipmakers[0].capacity.H20: expected a whole number from 0 to 10,000,000, found -5" },
        { "\"capacity\": { \"H100-SXM\": 1000, \"H20\": 1000 }", "\"capacity\": [ 1000 ]", "\"capacity\"", "$.chipmakers[0].capacity: expected an object of names to whole numbers from 0 to 10,000,000, found an array" },
        { "{ \"id\": \"NVIDIA\", \"leadTimeMonths\": 0,", "{ \"id\": \"NVIDIA\", \"country\": \"USA\", \"leadTimeMonths\": 0,", "\"country\"", "$.chipmakers[0].country: unknown country code \"USA\"; expected an ISO 3166-1 alpha-2 code from the country list" },
        { "\"country\": \"US\", \"chipModel\"", "\"country\": \"XX\", \"chipModel\"", "\"country\": \"XX\"", "$.dataCentres.sites[0].country: unknown country code \"XX\"; expected an ISO 3166-1 alpha-2 code from the country list" },
        { "\"chipModel\": \"H20\", \"targetH100e\": 0", "\"chipModel\": \"H2O\", \"targetH100e\": 0", "\"chipModel\": \"H2O\"", "$.dataCentres.sites[1].chipModel: unknown chip model \"H2O\"; did you mean \"H20\"?" },
        { "\"chipModel\": \"H20\", \"targetH100e\": 0", "\"chipModel\": \"B200\", \"targetH100e\": 0", "\"chipModel\": \"B200\"", "$.dataCentres.sites[1].chipModel: no chipmaker in $.chipmakers has capacity for \"B200\"" },
        { "\"targetH100e\": 25", "\"targetH100e\": -25", "\"targetH100e\": -25", "$.dataCentres.sites[0].targetH100e: expected a number from 0 to 1,000,000,000, found -25" },
        { "\"targetH100e\": 25 }", "\"targetH100e\": 25, \"orderEveryMonths\": 0 }", "\"orderEveryMonths\"", "$.dataCentres.sites[0].orderEveryMonths: expected a whole number from 1 to 120, found 0" },
        { "\"targetH100e\": 25 }", "\"targetH100e\": 25, \"orderSizeH100e\": 0 }", "\"orderSizeH100e\"", "$.dataCentres.sites[0].orderSizeH100e: expected a number above 0, up to 1,000,000,000, found 0" },
        { "{ \"id\": \"cn-site\"", "{ \"id\": \"us-site\"", "\"id\": \"us-site\", \"country\": \"CN\"", "$.dataCentres.sites[1].id: duplicate id \"us-site\"; ids must be unique" },
        { "\"id\": \"us-site\", \"country\": \"US\", \"chipModel\": \"H100-SXM\", \"targetH100e\": 25 }", "\"id\": \"us-site\", \"country\": \"US\", \"chipModel\": \"H100-SXM\" }", "{ \"id\": \"us-site\"", "$.dataCentres.sites[0]: missing required key \"targetH100e\"" },
        { "\"count\": 3", "\"count\": -3", "\"count\"", "$.dataCentres.generate[0].count: expected a whole number from 0 to 250,000, found -3" },
        { "\"countryWeights\": { \"BR\": 1 }", "\"countryWeights\": { \"BR\": 0 }", "\"countryWeights\"", "$.dataCentres.generate[0].countryWeights: expected at least one positive weight" },
        { "\"countryWeights\": { \"BR\": 1 }", "\"countryWeights\": { \"ZZ\": 1 }", "\"ZZ\"", "$.dataCentres.generate[0].countryWeights.ZZ: unknown country code \"ZZ\"; expected an ISO 3166-1 alpha-2 code from the country list" },
        { "\"targetH100e\": 50 }", "\"targetH100e\": { \"dist\": \"lognormal\", \"mu\": 5, \"sigma\": 1 } }", "\"targetH100e\": {", "$.dataCentres.generate[0].targetH100e: expected \"dist\" to be one of \"constant\", \"uniform\", \"normal\", \"logNormal\", \"gamma\", \"pareto\", \"triangular\", found \"lognormal\"" },
        { "\"targetH100e\": 50 }", "\"targetH100e\": { \"dist\": \"uniform\", \"min\": 5 } }", "\"targetH100e\": {", "$.dataCentres.generate[0].targetH100e: a uniform distribution needs \"max\"" },
        { "\"targetH100e\": 50 }", "\"targetH100e\": { \"dist\": \"uniform\", \"min\": 9, \"max\": 5 } }", "\"targetH100e\": {", "$.dataCentres.generate[0].targetH100e: expected min <= max" },
        { "\"targetH100e\": 50 }", "\"targetH100e\": { \"dist\": \"normal\", \"mean\": 5, \"sigma\": 1 } }", "\"targetH100e\": {", "$.dataCentres.generate[0].targetH100e: a normal distribution needs \"stdDev\"" },
        { "\"hub\": \"SG\"", "\"hub\": \"Singapore\"", "\"hub\"", "$.intermediaries.list[0].hub: unknown country code \"Singapore\"; expected an ISO 3166-1 alpha-2 code from the country list" },
        { "\"buyer\": \"cn-site\"", "\"buyer\": \"cn-sight\"", "\"buyer\"", "$.intermediaries.list[0].buyer: unknown data centre \"cn-sight\"; expected the id of a data centre in the world" },
        { "\"chipsPerOrder\": 10", "\"chipsPerOrder\": 0", "\"chipsPerOrder\"", "$.intermediaries.list[0].chipsPerOrder: expected a whole number from 1 to 1,000,000, found 0" },
        { "\"chipsPerOrder\": 10 }", "\"chipsPerOrder\": 10, \"shells\": 0 }", "\"shells\"", "$.intermediaries.list[0].shells: expected a whole number from 1 to 1,000, found 0" },
        { "\"chipsPerOrder\": 10 }", "\"chipsPerOrder\": 10, \"shels\": 3 }", "\"shels\"", "$.intermediaries.list[0].shels: unknown key \"shels\"; did you mean \"shells\"?" },
        { "{ \"rule\": \"baseline-3A090\" }", "{ \"rule\": \"baseline-3a090\" }", "\"rule\"", "$.regime.rules[0].rule: unknown rule \"baseline-3a090\"; did you mean \"baseline-3A090\"?" },
        { "{ \"rule\": \"baseline-3A090\" }", "{ \"rule\": \"country-cap\", \"periodFrom\": \"2025-01\", \"periodUntil\": \"2024-01\" }", "\"periodUntil\"", "$.regime.rules[0].periodUntil: expected a month on or after periodFrom (2025-01)" },
        { "{ \"rule\": \"baseline-3A090\" }", "{ \"rule\": \"lpp-exemption\", \"from\": \"2025-06\", \"until\": \"2025-01\" }", "\"until\"", "$.regime.rules[0].until: expected a month on or after \"from\" (2025-06), found 2025-01" },
        { "{ \"rule\": \"baseline-3A090\" }", "{ \"rule\": \"model-licence\", \"chipModels\": [ \"H20\" ], \"destinations\": [ \"CN\" ], \"policy\": \"maybe\" }", "\"policy\"", "$.regime.rules[0].policy: expected \"deny\" or \"approve\", found \"maybe\"" },
        { "{ \"rule\": \"baseline-3A090\" }", "{ \"rule\": \"purchase-restriction\", \"countries\": [ \"CN\" ], \"chipModels\": [ \"H20\" ], \"policy\": 1 }", "\"policy\"", "$.regime.rules[0].policy: expected \"forbid\" or \"discourage\", found 1" },
        { "{ \"rule\": \"baseline-3A090\" }", "{ \"rule\": \"exemption-conditions\", \"exporterMonitoring\": 1.5 }", "\"exporterMonitoring\"", "$.regime.rules[0].exporterMonitoring: expected a probability from 0 to 1, found 1.5" },
        { "{ \"rule\": \"baseline-3A090\" }", "{ \"rule\": \"revenue-share\", \"chipModels\": [ \"H20\" ], \"share\": 15 }", "\"share\"", "$.regime.rules[0].share: expected a fraction from 0 to 1, found 15" },
        { "{ \"rule\": \"baseline-3A090\" }", "{ \"rule\": \"bilateral-quota\", \"country\": \"KSA\", \"quotaH100ePerYear\": 100 }", "\"country\"", "$.regime.rules[0].country: unknown country code \"KSA\"" },
        { "\"chipsPerOrder\": 10 }", "\"chipsPerOrder\": 10, \"transit\": [ \"TH\", \"Thailand\" ] }", "\"Thailand\"", "$.intermediaries.list[0].transit[1]: unknown country code \"Thailand\"; expected an ISO 3166-1 alpha-2 code from the country list" },
        { "\"chipsPerOrder\": 10 }", "\"chipsPerOrder\": 10, \"splitFraction\": 1.5 }", "\"splitFraction\"", "$.intermediaries.list[0].splitFraction: expected a fraction above 0, up to 1, found 1.5" },
        { "\"monthlyNeedTonnes\": 100", "\"monthlyNeedTonnes\": 0", "\"monthlyNeedTonnes\"", "$.rareEarths.importers[0].monthlyNeedTonnes: expected a number above 0, up to 1,000,000, found 0" },
        { "{ \"country\": \"CN\" }", "{ \"country\": \"CN\", \"policy\": [ { \"from\": \"2024-02\", \"policy\": \"closed\" } ] }", "\"policy\": \"closed\"", "$.rareEarths.exporter.policy[0].policy: expected \"open\", \"licensed\" or \"frozen\", found \"closed\"" },

        // Rules that are not rule objects.
        { "{ \"rule\": \"baseline-3A090\" }", "null", "null", "$.regime.rules[0]: expected a rule object such as { \"rule\": \"lpp-exemption\" }, found null" },
        { "{ \"rule\": \"baseline-3A090\" }", "{ \"from\": \"2025-01\" }", "{ \"from\"", "$.regime.rules[0]: missing required key \"rule\"; expected one of \"purchase-restriction\", \"diversion-guidance\", \"model-licence\", \"case-by-case-window\", \"verified-end-user\", \"bilateral-quota\", \"baseline-3A090\", \"diffusion-tiers\", \"destination-licence\", \"small-installation\", \"reciprocity\", \"lpp-exemption\", \"country-cap\", \"transit-permit\", \"customs-hold\", \"iaas-kyc\", \"exemption-conditions\", \"revenue-share\"" },
        // Overflow, infinity and ranges nobody checked.
        { "\"leadTimeMonths\": 0", "\"leadTimeMonths\": 2147483647", "\"leadTimeMonths\"", "$.chipmakers[0].leadTimeMonths: expected a whole number from 0 to 120, found 2147483647" },
        { "{ \"rule\": \"baseline-3A090\" }", "{ \"rule\": \"lpp-exemption\", \"allowanceTpp\": 1e308 }", "\"allowanceTpp\"", "$.regime.rules[0].allowanceTpp: expected a number above 0, up to 15,831,200,000,000, found 1e308" },
        { "\"monthlyNeedTonnes\": 100", "\"monthlyNeedTonnes\": 1e309", "\"monthlyNeedTonnes\"", "$.rareEarths.importers[0].monthlyNeedTonnes: expected a number above 0, up to 1,000,000, found 1e309" },
        { "\"months\": 6,", "\"months\": 6, \"enforcement\": { \"hubCustomsDetection\": 1.5 },", "\"hubCustomsDetection\"", "$.enforcement.hubCustomsDetection: expected a probability from 0 to 1, found 1.5" },
        { "\"targetH100e\": 25 }", "\"targetH100e\": 25, \"circumventionPerMonth\": 2 }", "\"circumventionPerMonth\"", "$.dataCentres.sites[0].circumventionPerMonth: expected a probability from 0 to 1, found 2" },
        { "{ \"rule\": \"baseline-3A090\" }", "{ \"rule\": \"exemption-conditions\", \"noClusteringLimitH100e\": -5 }", "\"noClusteringLimitH100e\"", "$.regime.rules[0].noClusteringLimitH100e: expected a number from 0 to 1,000,000,000, found -5" },
        { "\"chipsPerOrder\": 10 }", "\"chipsPerOrder\": 10, \"markup\": -0.5 }", "\"markup\"", "$.intermediaries.list[0].markup: expected a fraction from 0 to 10, found -0.5" },
        { "\"chipsPerOrder\": 10 }", "\"chipsPerOrder\": 10, \"delayMonths\": -1 }", "\"delayMonths\"", "$.intermediaries.list[0].delayMonths: expected a whole number from 0 to 120, found -1" },
        { "\"chipsPerOrder\": 10 }", "\"chipsPerOrder\": 10, \"shells\": 2000000000 }", "\"shells\"", "$.intermediaries.list[0].shells: expected a whole number from 1 to 1,000, found 2000000000" },
        { "\"chipsPerOrder\": 10 }", "\"chipsPerOrder\": 10, \"transit\": [ \"TH\", \"TH\", \"TH\", \"TH\", \"TH\", \"TH\", \"TH\", \"TH\", \"TH\", \"TH\", \"TH\" ] }", "\"transit\"", "$.intermediaries.list[0].transit: expected at most 10 transit countries (each adds a month), found 11" },
        { "\"H100-SXM\": 1000, \"H20\": 1000", "\"H100-SXM\": 6000000, \"H20\": 6000000", "\"chipmakers\"", "$.chipmakers: expected the chipmakers to make at most 10,000,000 chips a month together (the world makes about 500,000), found 12,000,000" },
        // Memory: per generator, and in all.
        { "\"count\": 3", "\"count\": 10000000", "\"count\"", "$.dataCentres.generate[0].count: expected a whole number from 0 to 250,000, found 10000000" },
        { "\"generate\": [ { \"count\": 3,", "\"generate\": [ { \"count\": 200000, \"countryWeights\": { \"BR\": 1 }, \"chipModels\": { \"H100-SXM\": 1 }, \"targetH100e\": 50 },\n      { \"idPrefix\": \"more\", \"count\": 200000,", "\"count\": 200000,", "$.dataCentres.generate[1].count: expected at most 250,000 data centres in all (listed and generated; so that a run fits a laptop's memory), found 400,002" },
        // Distributions that could draw what their key does not allow, or infinity.
        { "\"targetH100e\": 50 }", "\"targetH100e\": { \"dist\": \"logNormal\", \"mu\": 1000, \"sigma\": 1 } }", "\"mu\"", "$.dataCentres.generate[0].targetH100e.mu: expected -100 to 20.7233 (the median e^mu must be at most 1,000,000,000), found 1,000" },
        { "\"targetH100e\": 50 }", "\"targetH100e\": { \"dist\": \"pareto\", \"scale\": 10, \"shape\": 1e-300 } }", "\"shape\"", "$.dataCentres.generate[0].targetH100e.shape: expected 1 to 1,000,000 (below 1 its mean is infinite), found 1E-300" },
        { "\"targetH100e\": 50 }", "\"targetH100e\": 50, \"orderEveryMonths\": { \"dist\": \"normal\", \"mean\": 3, \"stdDev\": 1, \"minimum\": -5 } }", "\"minimum\"", "$.dataCentres.generate[0].orderEveryMonths.minimum: expected 0 to 120 (draws below it are raised to it), found -5" },
        { "\"targetH100e\": 50 }", "\"targetH100e\": \"lots\" }", "\"targetH100e\": \"lots\"", "$.dataCentres.generate[0].targetH100e: expected a number from 0 to 1,000,000,000, or a distribution object such as { \"dist\": \"uniform\", \"min\": 1, \"max\": 6 }, found \"lots\"" },
        // Countries overridden twice, months past 9999.
        { "\"months\": 6,", "\"months\": 6, \"countries\": [ { \"code\": \"SG\" }, { \"code\": \"SG\", \"tier\": 1 } ],", "\"code\": \"SG\", \"tier\"", "$.countries[1].code: duplicate country \"SG\" (first at $.countries[0]); expected each country once" },
        { "\"start\": \"2024-01\"", "\"start\": \"9999-01\"", "\"start\"", "$.start: expected a month up to 9899-12 (agents schedule up to 100 years ahead, and a month has a four-digit year), found 9999-01" },
        { "\"start\": \"2024-01\"", "\"start\": \"9899-09\"", "\"months\"", "$.months: expected at most 4 months from 9899-09 (a run ends by 9899-12, so that what agents schedule after it has a four-digit year), found 6" },
        { "\"monthlyNeedTonnes\": 100 } ]", "\"monthlyNeedTonnes\": 100 } ], \"concessionRule\": { \"importer\": \"US\", \"threshold\": 1.5, \"chipModels\": [ \"H20\" ], \"quotaH100ePerMonth\": 10 }", "\"threshold\"", "$.rareEarths.concessionRule.threshold: expected a shortage from 0 to 1, found 1.5" },
        // Types named in words, nullable ones included.
        { "\"seed\": 1,", "\"seed\": 1, \"worldSeed\": \"x\",", "\"worldSeed\"", "$.worldSeed: expected a whole number from 0 to 18,446,744,073,709,551,615, found \"x\"" },
        { "\"chipsPerOrder\": 10 }", "\"chipsPerOrder\": 10, \"splitFraction\": \"half\" }", "\"splitFraction\"", "$.intermediaries.list[0].splitFraction: expected a fraction above 0, up to 1, found \"half\"" },
        { "\"leadTimeMonths\": 0", "\"leadTimeMonths\": 0, \"subjectToEar\": \"yes\"", "\"subjectToEar\"", "$.chipmakers[0].subjectToEar: expected true or false, found \"yes\"" },
        // What a JSON reader takes but cannot give back: each at its own place, not at 1:1 or as a crash.
        { "\"seed\": 1,", "\"seed\": 1, \"seed\": 2,", "\"seed\": 2", "$.seed: the key \"seed\" appears twice in this object (first at line 4, column 3); expected each key once" },
        { "\"name\": \"corpus\"", "\"name\": \"c\\ud800\"", "\"c\\ud800\"", "$.name: a string with a lone surrogate escape (such as \\ud800 without the \\udc00 to \\udfff that must follow it); " +
            "expected text: escape a character outside the Basic Multilingual Plane as its two surrogates, or write it as it is" },
        // Empty names name nothing.
        { "{ \"id\": \"cn-site\"", "{ \"id\": \"\"", "\"id\": \"\"", "$.dataCentres.sites[1].id: expected a non-empty id, found \"\"" },
        { "{ \"id\": \"NVIDIA\"", "{ \"id\": \" \"", "\"id\": \" \"", "$.chipmakers[0].id: expected a non-empty id, found \" \"" },
        { "\"targetH100e\": 25 }", "\"targetH100e\": 25, \"owner\": \"\" }", "\"owner\"", "$.dataCentres.sites[0].owner: expected the owner's name, found \"\" (leave owner out for a site that owns itself)" },
        { "\"count\": 3", "\"count\": 3, \"idPrefix\": \"\"", "\"idPrefix\"", "$.dataCentres.generate[0].idPrefix: expected a prefix for the generated ids, such as \"dc\", found \"\"" },
    };

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Each_malformed_scenario_gets_its_exact_message(string replace, string with, string at, string expected)
    {
        Assert.Contains(replace, Base);
        var json = Base.Replace(replace, with);
        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(json, "corpus.json")).Errors[0];
        Assert.Equal($"corpus.json:{Position(json, at, error)}: {expected}", error.ToString());
    }

    /// <summary>Where the token the error is about stands (the first of several on the error's line).</summary>
    private static string Position(string json, string token, ScenarioError error)
    {
        var lines = json.Split('\n');
        var line = error.Line ?? 0;
        var column = line > 0 && lines[line - 1].Contains(token) ? lines[line - 1].IndexOf(token, StringComparison.Ordinal) + 1 : -1;
        return $"{line}:{column}";
    }

    [Fact]
    public void The_corpus_has_at_least_40_distinct_cases() =>
        Assert.True(Corpus.Count() >= 40 && Corpus.Select(c => $"{c[0]}|{c[1]}").Distinct().Count() == Corpus.Count());

    /// <summary>
    /// Once unknown keys came first, then the first type error, then ranges and references: three runs to see them all.
    /// Now a file that parses gets every problem listed in one run, each at its place, in the order of the file.
    /// </summary>
    [Fact]
    public void One_pass_lists_unknown_keys_type_errors_and_range_errors_together_each_at_its_place()
    {
        var json = Base
            .Replace("\"months\": 6,", "\"months\": 6, \"colour\": \"blue\",")
            .Replace("\"seed\": 1", "\"seed\": \"one\"")
            .Replace("\"leadTimeMonths\": 0", "\"leadTimeMonths\": -2")
            .Replace("\"targetH100e\": 25", "\"targetH100e\": -25")
            .Replace("\"chipsPerOrder\": 10", "\"chipsPerOrder\": 0")
            .Replace("\"monthlyNeedTonnes\": 100", "\"monthlyNeedTonnes\": 1e309");
        var errors = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(json, "corpus.json")).Errors;
        string At(string token, string message)
        {
            var lines = json.Split('\n');
            var line = Array.FindIndex(lines, l => l.Contains(token, StringComparison.Ordinal));
            return $"corpus.json:{line + 1}:{lines[line].IndexOf(token, StringComparison.Ordinal) + 1}: {message}";
        }
        Assert.Equal(
        [
            At("\"seed\"", "$.seed: expected a whole number from 0 to 18,446,744,073,709,551,615, found \"one\""),
            At("\"colour\"", "$.colour: unknown key \"colour\""),
            At("\"leadTimeMonths\"", "$.chipmakers[0].leadTimeMonths: expected a whole number from 0 to 120, found -2"),
            At("\"targetH100e\": -25", "$.dataCentres.sites[0].targetH100e: expected a number from 0 to 1,000,000,000, found -25"),
            At("\"chipsPerOrder\"", "$.intermediaries.list[0].chipsPerOrder: expected a whole number from 1 to 1,000,000, found 0"),
            At("\"monthlyNeedTonnes\"", "$.rareEarths.importers[0].monthlyNeedTonnes: expected a number above 0, up to 1,000,000, found 1e309"),
        ], errors.Select(e => e.ToString()));
    }

    [Fact]
    public void References_are_checked_in_the_same_pass_as_types_and_ranges()
    {
        var json = Base.Replace("\"months\": 6", "\"months\": \"six\"").Replace("\"hub\": \"SG\"", "\"hub\": \"XX\"");
        var errors = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(json, "corpus.json")).Errors;
        Assert.Equal(["$.months", "$.intermediaries.list[0].hub"], errors.Select(e => e.JsonPath));
    }

    [Fact]
    public void A_value_that_cannot_be_read_is_not_blamed_again_by_what_refers_to_it()
    {
        // The site's id is unreadable; the intermediary buying for it is not reported as pointing at nothing.
        var json = Base.Replace("{ \"id\": \"cn-site\"", "{ \"id\": 42");
        var error = Assert.Single(Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(json, "corpus.json")).Errors);
        Assert.Equal("$.dataCentres.sites[1].id: expected a string, found 42", $"{error.JsonPath}: {error.Message}");
    }

    [Fact]
    public void Every_unknown_key_is_reported_in_one_pass()
    {
        var json = Base.Replace("\"months\": 6,", "\"monhts\": 6,").Replace("\"chipsPerOrder\": 10 }", "\"chipsPerOrder\": 10, \"shels\": 3 }");
        var errors = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(json, "corpus.json")).Errors;
        Assert.Equal(["$.monhts", "$.intermediaries.list[0].shels"], errors.Select(e => e.JsonPath));
    }

    [Fact]
    public void A_comment_may_stand_between_a_key_and_its_colon_as_editors_allow_and_positions_stay_put()
    {
        var json = Base.Replace("\"months\": 6,", "\"months\" /* \u00e9t\u00e9 */ : 6, // six \u00e9t\u00e9s").Replace("\"seed\": 1", "\"seed\": -1");
        var error = Assert.Single(Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(json, "corpus.json")).Errors);
        Assert.Equal($"corpus.json:{Position(json, "\"seed\"", error)}: $.seed: expected a whole number from 0 to 18,446,744,073,709,551,615, found -1", error.ToString());
        Assert.Equal(6, ScenarioLoader.Parse(Base.Replace("\"months\": 6", "\"months\" /* \u00e9t\u00e9 */ : 6"), "corpus.json").Spec.Months);
        // A key after a comment on its line stays where it was, in bytes as columns are counted: "\u00e9" takes two, as "ee" does.
        string UnknownAfter(string comment) => Assert.Single(Assert.Throws<ScenarioException>(() =>
            ScenarioLoader.Parse(Base.Replace("\"months\": 6,", $"\"months\" /* {comment} */ : 6, \"colour\": 1,"), "corpus.json")).Errors).ToString();
        Assert.Equal("corpus.json:6:26: $.colour: unknown key \"colour\"", UnknownAfter("ee"));
        Assert.Equal(UnknownAfter("ee"), UnknownAfter("\u00e9"));
    }

    [Fact]
    public void A_file_that_is_not_UTF_8_is_refused_at_its_first_bad_byte_not_read_with_replacement_characters()
    {
        using var folder = new TempFolder();
        var bytes = System.Text.Encoding.UTF8.GetBytes(Base);
        var at = bytes.AsSpan().IndexOf("corpus"u8);
        bytes[at + 3] = 0xE9; // "cor\xE9us": Latin-1, not UTF-8
        File.WriteAllBytes(folder.File("latin1.json"), bytes);
        var error = Assert.Single(Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(folder.File("latin1.json"))).Errors);
        Assert.Equal($"{folder.File("latin1.json")}:3:15: $: byte 0xE9 is not UTF-8; expected a file saved as UTF-8 (a file from an older editor may be Latin-1 or " +
            "Windows-1252: save it as UTF-8)", error.ToString());
    }

    [Fact]
    public void More_regime_rules_than_any_regime_has_are_refused_in_one_line()
    {
        var rules = string.Join(", ", Enumerable.Repeat("{ \"rule\": \"baseline-3A090\" }", ScenarioValidator.MaxRules + 1));
        var json = Base.Replace("\"rules\": [ { \"rule\": \"baseline-3A090\" } ]", $"\"rules\": [ {rules} ]");
        var error = Assert.Single(Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(json, "corpus.json")).Errors);
        Assert.Equal("$.regime.rules: expected at most 1,000 rules (a regime is a handful of them; each is checked for every order), found 1,001", $"{error.JsonPath}: {error.Message}");
        Assert.Equal(1_000, ScenarioLoader.Parse(Base.Replace("\"rules\": [ { \"rule\": \"baseline-3A090\" } ]",
            $"\"rules\": [ {string.Join(", ", Enumerable.Repeat("{ \"rule\": \"baseline-3A090\" }", 1_000))} ]"), "corpus.json").Spec.Regime.Rules.Count);
    }
}
