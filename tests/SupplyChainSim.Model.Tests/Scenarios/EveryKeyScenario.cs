namespace SupplyChainSim.Model.Tests;

/// <summary>
/// A valid scenario that sets every key the schema knows, every rule kind included, so that tests can bend each value
/// in turn (<see cref="EveryNumberTests"/>). A test fails if the schema gains a number this file does not set.
/// </summary>
public static class EveryKeyScenario
{
    public const string Json = """
        {
          "$schema": "scenario.schema.json",
          "formatVersion": 1,
          "name": "every-key",
          "description": "every key set once",
          "seed": 7,
          "worldSeed": 8,
          "start": "2025-01",
          "months": 12,
          "countries": [ { "code": "XK", "name": "Kosovo", "tier": 2, "transitHub": false, "customsEnforcement": 0.4, "groups": [ "D:1" ] } ],
          "enforcement": { "hubCustomsDetection": 0.2, "locationVerificationDetection": 0.5 },
          "breachThresholdsH100e": [ 100, 1000 ],
          "breachThresholdsH100eByKind": { "no-clustering": [ 50 ] },
          "uncertainties": [
            { "name": "customs", "path": "$.enforcement.hubCustomsDetection", "min": 0.1, "max": 0.3 },
            { "name": "permit", "path": "$.regime.rules[transit-permit].detection", "distribution": { "dist": "triangular", "min": 0.1, "max": 0.3, "mode": 0.2 } },
            { "name": "verification", "path": "enforcement.locationVerificationDetection", "distribution": 0.5 }
          ],
          "regime": { "rules": [
            { "rule": "purchase-restriction", "countries": [ "CN" ], "chipModels": [ "H20" ], "policy": "discourage", "compliance": 0.5, "complianceByClass": { "private": 0.9 } },
            { "rule": "diversion-guidance", "exporterDiligence": 0.1, "ascendDeterrence": 0.5, "ascendMaker": "Huawei" },
            { "rule": "baseline-3A090", "from": "2025-01", "until": "2025-12", "label": "baseline" },
            { "rule": "diffusion-tiers", "from": "2025-02" },
            { "rule": "country-cap", "capTpp": 790000000, "periodFrom": "2025-01", "periodUntil": "2027-12", "tiers": [ 2 ], "agreementCountries": [ "AE" ], "agreementMultiplier": 2 },
            { "rule": "lpp-exemption", "allowanceTpp": 26900000, "tiers": [ 2 ] },
            { "rule": "small-installation", "maxChips": 1000, "tiers": [ 2 ] },
            { "rule": "model-licence", "chipModels": [ "H20" ], "destinations": [ "D:5" ], "headquarteredToo": true, "policy": "approve", "quotaH100ePerMonth": 1000 },
            { "rule": "destination-licence", "destinations": [ "SA" ], "policy": "deny" },
            { "rule": "case-by-case-window", "destinations": [ "CN" ], "chipModels": [ "H20" ], "maxTpp": 21000, "maxMemoryBandwidthGBs": 6500,
              "maxShareOfUsVolume": 0.5, "thirdPartyTesting": true, "revenueShare": 0.25 },
            { "rule": "verified-end-user", "kind": "NVEU", "owners": [ "Microsoft" ], "limitH100ePerCountry": 320000 },
            { "rule": "verified-end-user", "kind": "UVEU", "owners": [ "Microsoft" ], "tier1FootprintH100e": 1000, "homeFootprintH100e": 800, "otherFootprintH100e": 10,
              "minTier1Share": 0.75, "maxShareInTier2Country": 0.07, "minHomeShare": 0.5 },
            { "rule": "bilateral-quota", "country": "SA", "quotaH100ePerYear": 10000 },
            { "rule": "reciprocity", "simplifiedUpToGb300": 1000, "preclearanceUpToGb300": 200000, "agreements": { "AE": 1000000000 }, "investmentPerUsdOfBuildOut": 1 },
            { "rule": "transit-permit", "country": "MY", "detection": 0.2 },
            { "rule": "exemption-conditions", "noClustering": true, "noClusteringLimitH100e": 1000, "exporterMonitoring": 0.5,
              "locationVerification": true, "thirdPartyTesting": false, "alsoOnLicences": false },
            { "rule": "revenue-share", "chipModels": [ "H20" ], "destinations": [ "CN" ], "share": 0.15 },
            { "rule": "customs-hold", "countries": [ "CN" ], "chipModels": [ "H20" ], "share": 0.5 },
            { "rule": "iaas-kyc", "destinations": [ "D:5" ], "refusal": 0.9 }
          ] },
          "chipmakers": [ { "id": "NVIDIA", "country": "US", "leadTimeMonths": 2, "capacity": { "H100-SXM": 1000, "H20": 1000 }, "subjectToEar": true } ],
          "dataCentres": {
            "sites": [
              { "id": "cn-lab", "country": "CN", "owner": "Lab", "ownerHeadquarters": "CN", "activeFrom": "2025-02", "activeUntil": "2025-12", "chipModel": "H20", "growthPerYear": 0.5, "installedH100e": 20, "installedChipModel": "H100-SXM", "targetH100e": 100, "orderSizeH100e": 10,
                "orderEveryMonths": 2, "firstOrderMonth": 1, "linkAcrossSites": true, "noClusteringCompliance": false, "circumventionPerMonth": 0.1, "buyerClass": "private" }
            ],
            "generate": [
              { "count": 20, "idPrefix": "dc", "countryWeights": { "US": 2, "MY": 1 }, "ownersPerCountry": 3, "chipModels": { "H100-SXM": 1 },
                "targetH100e": { "dist": "logNormal", "mu": 4, "sigma": 1 }, "orderSizeH100e": { "dist": "uniform", "min": 10, "max": 50 },
                "orderEveryMonths": { "dist": "triangular", "min": 1, "max": 6, "mode": 2 },
                "growthPerYear": { "dist": "uniform", "min": 0.5, "max": 1.5 }, "installedH100e": { "dist": "uniform", "min": 0, "max": 100 } },
              { "count": 2, "idPrefix": "plain", "countryWeights": { "US": 1 }, "chipModels": { "H100-SXM": 1 }, "targetH100e": 50, "orderSizeH100e": 10, "orderEveryMonths": 3,
                "growthPerYear": 1, "installedH100e": 5, "installedChipModel": "H100-SXM", "activeFrom": "2025-02", "activeUntil": "2025-10",
                "buyerClasses": { "state-linked": 1, "private": 2 } }
            ]
          },
          "intermediaries": {
            "list": [
              { "id": "sg", "hub": "SG", "shells": 2, "buyer": "cn-lab", "chipModel": "H100-SXM", "chipsPerOrder": 10, "orderEveryMonths": 1, "delayMonths": 1,
                "markup": 0.3, "firstOrderMonth": 0, "splitFraction": 0.5, "transit": [ "TH" ], "workingCapitalUsd": 10000000, "potential": false }
            ],
            "generate": [
              { "count": 3, "idPrefix": "broker", "hubWeights": { "SG": 1 }, "buyerCountries": [ "CN" ], "chipModels": { "H100-SXM": 1 },
                "shells": { "dist": "gamma", "shape": 2, "rate": 1 }, "chipsPerOrder": { "dist": "pareto", "scale": 5, "shape": 3 },
                "orderEveryMonths": { "dist": "normal", "mean": 3, "stdDev": 1 }, "delayMonths": { "dist": "constant", "value": 1, "minimum": 0 }, "markup": 0.2,
                "workingCapitalUsd": { "dist": "logNormal", "mu": 17, "sigma": 0.5 }, "potentialEntrants": 2 },
              { "count": 2, "idPrefix": "plain", "hubWeights": { "MY": 1 }, "buyerCountries": [ "CN" ], "buyerIdPrefix": "cn-", "chipModels": { "H100-SXM": 1 },
                "shells": 2, "chipsPerOrder": 5, "orderEveryMonths": 2, "delayMonths": 1, "markup": { "dist": "uniform", "min": 0.1, "max": 0.5 },
                "workingCapitalUsd": 20000000 }
            ]
          },
          "greyMarket": {
            "countries": [ "CN", "HK", "MO" ], "generations": [ "Hopper", "Blackwell" ], "startPremium": 0.5, "minPremium": 0, "maxPremium": 3, "priceAdjustment": 0.3, "maxMonthlyChange": 0.15,
            "networks": { "transportCost": 0.05, "listingCostUsd": 500000, "targetMargin": 0.3, "cautionAfterSeizure": 1, "cautionHalfLifeMonths": 6,
                          "entryMargin": 0.3, "entryLagMonths": 3, "maxEntrantsPerMonth": 2, "exitAfterMonths": 6, "choiceSensitivity": 10 },
            "buyers": { "choiceSensitivity": 3, "amortisationMonths": 48, "operatingUsdPerH100eMonth": 250, "rentalUsdPerH100eHour": 4, "remotePerformance": 0.9,
                        "rentalTermMonths": 12, "lawfulChips": [ "H20" ], "domesticChips": [ "H100-SXM" ], "performance": { "H20": 2.3 }, "domesticWaitCostPerMonth": 0.1 }
          },
          "rareEarths": {
            "exporter": { "country": "CN", "policy": [ { "from": "2025-04", "policy": "licensed", "approvalRate": 0.5 } ], "acceptsQuotaH100ePerMonth": 100 },
            "importers": [ { "country": "US", "monthlyNeedTonnes": 100, "shareFromExporter": 0.7, "stockMonths": 2, "alternativeGrowthPerMonth": 0.01,
                             "buildOutElasticity": 0.3, "productionElasticity": 0.2, "pressureDecay": 0.8 } ],
            "concessionRule": { "enabled": true, "importer": "US", "trigger": "shortage", "threshold": 0.3, "forMonths": 2, "chipModels": [ "H20" ],
                                "revenueShare": 0.15, "quotaH100ePerMonth": 200 },
            "script": [ { "month": "2025-06", "type": "concession", "policy": null, "approvalRate": 1, "chipModels": [ "H20" ], "revenueShare": 0.1,
                          "quotaH100ePerMonth": 100, "importer": "US" } ]
          }
        }
        """;
}
