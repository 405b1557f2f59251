using System.Globalization;
using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.ScenarioFiles;

namespace SupplyChainSim.Benchmarks;

/// <summary>
/// The benchmark's world, generated at any size: chipmakers, every country of the built-in list, data centres and
/// smuggling intermediaries, with a regime change on the timeline (the Diffusion Rule from the 25th month).
/// </summary>
public static class BenchmarkWorld
{
    /// <summary>
    /// The world at the size asked for. A scenario file may hold at most <see cref="ScenarioLimits.DataCentres"/> data
    /// centres and <see cref="ScenarioLimits.Intermediaries"/> intermediaries (what a laptop's memory allows); the
    /// benchmark measures beyond that on purpose, so larger counts are set after the file has been checked.
    /// </summary>
    public static ResolvedScenario Scenario(int dataCentres, int intermediaries, int months, int chipmakers = 10)
    {
        if (dataCentres <= ScenarioLimits.DataCentres && intermediaries <= ScenarioLimits.Intermediaries)
            return ScenarioLoader.Parse(Json(dataCentres, intermediaries, months, chipmakers), "benchmark-world.json");
        var checkedScenario = ScenarioLoader.Parse(Json(1_000, 100, months, chipmakers), "benchmark-world.json");
        var spec = checkedScenario.Spec;
        var restricted = dataCentres / 10;
        int[] counts = [dataCentres - restricted, restricted];
        return checkedScenario with
        {
            Spec = spec with
            {
                DataCentres = spec.DataCentres with { Generate = spec.DataCentres.Generate.Select((g, i) => g with { Count = counts[i] }).ToList() },
                Intermediaries = spec.Intermediaries with { Generate = [spec.Intermediaries.Generate[0] with { Count = intermediaries }] },
            },
        };
    }

    public static string Json(int dataCentres, int intermediaries, int months, int chipmakers)
    {
        static string N(double value) => value.ToString(CultureInfo.InvariantCulture);
        var makers = string.Join(",\n    ", Enumerable.Range(1, chipmakers).Select(i =>
            $$"""{ "id": "maker-{{i:D2}}", "leadTimeMonths": {{1 + i % 3}}, "capacity": { "H100-SXM": {{N(400_000.0 / chipmakers)}}, "B200": {{N(300_000.0 / chipmakers)}}, "H20": {{N(200_000.0 / chipmakers)}}, "MI300X": {{N(100_000.0 / chipmakers)}} } }"""));
        var restricted = dataCentres / 10;
        return $$"""
            {
              "formatVersion": 1, "name": "benchmark-world", "seed": 8, "start": "2023-01", "months": {{months}},
              "enforcement": { "hubCustomsDetection": 0.05 },
              "regime": { "rules": [
                { "rule": "baseline-3A090" },
                { "rule": "diffusion-tiers", "from": "2025-01" },
                { "rule": "lpp-exemption", "from": "2025-01" },
                { "rule": "country-cap", "from": "2025-01", "periodFrom": "2025-01", "periodUntil": "2027-12" }
              ] },
              "chipmakers": [
                {{makers}}
              ],
              "dataCentres": { "generate": [
                { "count": {{dataCentres - restricted}}, "idPrefix": "dc", "ownersPerCountry": 500,
                  "countryWeights": { "US": 40, "GB": 5, "DE": 5, "FR": 4, "JP": 5, "KR": 4, "IN": 6, "BR": 4, "SA": 3, "AE": 4, "SG": 3, "MY": 4, "ID": 3, "TH": 2, "VN": 2, "MX": 3, "PL": 3, "TR": 2 },
                  "chipModels": { "H100-SXM": 40, "B200": 30, "MI300X": 30 },
                  "targetH100e": { "dist": "logNormal", "mu": 5.5, "sigma": 1.3 },
                  "orderSizeH100e": { "dist": "uniform", "min": 50, "max": 500 },
                  "orderEveryMonths": { "dist": "uniform", "min": 1, "max": 6 } },
                { "count": {{restricted}}, "idPrefix": "cn", "ownersPerCountry": 200, "countryWeights": { "CN": 95, "RU": 5 },
                  "chipModels": { "H20": 100 },
                  "targetH100e": { "dist": "logNormal", "mu": 5.0, "sigma": 1.2 },
                  "orderSizeH100e": { "dist": "uniform", "min": 30, "max": 300 },
                  "orderEveryMonths": { "dist": "uniform", "min": 1, "max": 4 } }
              ] },
              "intermediaries": { "generate": [
                { "count": {{intermediaries}}, "idPrefix": "broker", "hubWeights": { "SG": 30, "MY": 25, "TH": 10, "AE": 15, "ID": 10, "HK": 10 },
                  "buyerCountries": [ "CN", "RU" ], "chipModels": { "H100-SXM": 70, "B200": 30 },
                  "shells": { "dist": "uniform", "min": 1, "max": 6 }, "chipsPerOrder": { "dist": "logNormal", "mu": 3.5, "sigma": 0.8 },
                  "orderEveryMonths": { "dist": "uniform", "min": 1, "max": 12 }, "delayMonths": { "dist": "uniform", "min": 0, "max": 3 } }
              ] }
            }
            """;
    }
}
