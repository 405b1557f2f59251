using System.Text.Json;
using SupplyChainSim.Model.Breaches;
using SupplyChainSim.Model.MonteCarlo;
using SupplyChainSim.Model.Regimes.Rules;
using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Units;
using SupplyChainSim.Model.Worlds;
using SupplyChainSim.Output;
using SupplyChainSim.ScenarioFiles;

namespace SupplyChainSim.Model.Tests;

/// <summary>
/// The scenario families under scenarios/families (README, "Comparing regimes"): each loads, its regimes share one
/// world and period and are the shipped scenarios' rules, and a few paired replications move the outcome the way the
/// README's 200-replication figures say. The figures themselves come from `compare`, not from here.
/// </summary>
public class ScenarioFamilyTests
{
    private static readonly Dictionary<string, string[]> Families = new()
    {
        ["gulf-campus"] = ["deals.json", "reciprocity.json"],
        ["location-verification"] = ["off.json", "on.json"],
        ["shell-networks"] = ["diffusion-rule.json", "rescission.json", "threshold-500.json"],
    };

    public static TheoryData<string> FamilyNames => [.. Families.Keys];

    private static ResolvedScenario Family(string family, string file) => ScenarioLoader.Load(Paths.Scenario(Path.Combine("families", family, file)));

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, ResultFiles.RuleJson);

    private static string Rules(ResolvedScenario scenario) => Json(scenario.Spec.Regime.Rules.ToList<object>());

    [Theory]
    [MemberData(nameof(FamilyNames))]
    public void A_familys_files_load_and_share_one_world_period_and_thresholds(string family)
    {
        var folder = Paths.Scenario(Path.Combine("families", family));
        Assert.Equal(Families[family].Order(StringComparer.Ordinal), Directory.GetFiles(folder, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var scenarios = Families[family].Select(f => Family(family, f)).ToList();
        Assert.All(scenarios, s => Assert.Empty(s.Warnings));
        var first = scenarios[0].Spec;
        Assert.All(scenarios, s =>
        {
            Assert.Equal(first.Start, s.Spec.Start);
            Assert.Equal(first.Months, s.Spec.Months);
            Assert.Equal(first.WorldSeed ?? first.Seed, s.Spec.WorldSeed ?? s.Spec.Seed);
            Assert.Equal(Json(first.DataCentres), Json(s.Spec.DataCentres));
            Assert.Equal(Json(first.Intermediaries), Json(s.Spec.Intermediaries));
            Assert.Equal(Json(first.BreachThresholdsH100eByKind), Json(s.Spec.BreachThresholdsH100eByKind));
        });
        Assert.Equal(scenarios.Count, scenarios.Select(s => s.Spec.Name).Distinct().Count());
        Assert.Equal(scenarios.Count, scenarios.Select(Rules).Distinct().Count()); // each file a regime of its own
    }

    [Fact]
    public void The_families_regimes_are_the_shipped_scenarios_rules()
    {
        string Shipped(string file) => Rules(ScenarioLoader.Load(Paths.Scenario(file)));
        // The shell-networks arms: each its shipped scenario's rules, and every arm the two measures that do not depend on
        // the US regime (the May 2025 guidance and Malaysia's permit), as the rescission has them.
        var shared = ScenarioLoader.Load(Paths.Scenario("rescission-2025.json")).Spec.Regime.Rules.Where(r => r is DiversionGuidance or TransitPermit).ToList();
        Assert.Equal(2, shared.Count);
        string WithShared(string file) => Json(ScenarioLoader.Load(Paths.Scenario(file)).Spec.Regime.Rules.Concat(shared).ToList<object>());
        Assert.Equal(WithShared("diffusion-rule-2025.json"), Rules(Family("shell-networks", "diffusion-rule.json")));
        Assert.Equal(Shipped("rescission-2025.json"), Rules(Family("shell-networks", "rescission.json")));
        Assert.Equal(WithShared("threshold-500.json"), Rules(Family("shell-networks", "threshold-500.json")));
        Assert.Equal(Shipped("rescission-2025.json"), Rules(Family("location-verification", "off.json")));
        Assert.Equal(Shipped("gulf-deals-2025.json"), Rules(Family("gulf-campus", "deals.json")));

        // Verification on: the rescission's rules and one more, location verification on licences too.
        var on = Family("location-verification", "on.json");
        var added = Assert.IsType<ExemptionConditions>(Assert.Single(on.Spec.Regime.Rules, r => r is ExemptionConditions));
        Assert.True(added.LocationVerification && added.AlsoOnLicences);
        Assert.Equal(YearMonth.Parse("2026-01"), added.From);
        Assert.Equal(Shipped("rescission-2025.json"), Json(on.Spec.Regime.Rules.Where(r => r != added).ToList<object>()));
        Assert.Contains("$.enforcement.locationVerificationDetection", on.Uncertain.Select(u => u.Path));

        // Reciprocity: the deals until February 2026, the reciprocity draft from March, its settings but the monitoring
        // rate, which is uncertain here.
        var reciprocity = Family("gulf-campus", "reciprocity.json");
        string InForce(ResolvedScenario s, string month) =>
            Json(s.Spec.Regime.Rules.Where(r => r.InForce(YearMonth.Parse(month)))
                .Select(r => r is ExemptionConditions c ? c with { ExporterMonitoring = 0 } : r)
                .Select(r => r with { From = null, Until = null, Label = null }).ToList<object>());
        var deals = ScenarioLoader.Load(Paths.Scenario("gulf-deals-2025.json"));
        var draft = ScenarioLoader.Load(Paths.Scenario("reciprocity-2026.json"));
        Assert.Equal(InForce(deals, "2026-02"), InForce(reciprocity, "2026-02"));
        Assert.Equal(InForce(draft, "2026-03"), InForce(reciprocity, "2026-03"));
        Assert.Contains("$.regime.rules[8].exporterMonitoring", reciprocity.Uncertain.Select(u => u.Path));
    }

    [Fact]
    public void The_gulf_campus_world_is_the_shipped_worlds_named_agents_and_the_campus()
    {
        var world = ScenarioLoader.Load(Paths.Scenario("world/world.json")).Spec;
        var deals = Family("gulf-campus", "deals.json").Spec;
        Assert.Equal(Json(world.DataCentres.Sites), Json(deals.DataCentres.Sites.Where(s => s.Id != "ae-gulf-campus-1").ToList()));
        Assert.Equal(Json(world.Intermediaries.List), Json(deals.Intermediaries.List.Where(i => i.Id != "ae-campus-tenants").ToList()));
        Assert.Empty(deals.DataCentres.Generate);
        Assert.Empty(deals.Intermediaries.Generate);
    }

    /// <summary>Replications 0 to n-1 of a family file, each on its replication seed, shortened to <paramref name="months"/> if given.</summary>
    private static async Task<List<ReplicationSummary>> Replicate(string family, string file, int replications, int? months = null)
    {
        var scenario = Family(family, file);
        async Task<ReplicationSummary> One(int i)
        {
            var seeded = scenario.WithSeed(ReplicationSeeds.For(scenario.Spec.Seed, i));
            if (months is { } m) seeded = seeded with { Spec = seeded.Spec with { Months = m } };
            return ReplicationSummary.Of(i, await InMemoryWorldHosts.RunAsync(WorldBuilder.Build(seeded)));
        }
        return [.. await Task.WhenAll(Enumerable.Range(0, replications).Select(i => Task.Run(() => One(i))))];
    }

    private static double MaxExcessH100e(ReplicationSummary run, string kind) => run.Kinds.Single(k => k.Kind == kind).MaxExcess.H100e;

    [Fact]
    public async Task Under_reciprocity_the_gulf_campus_grows_beyond_the_rules_and_under_the_deals_it_does_not()
    {
        var deals = await Replicate("gulf-campus", "deals.json", 3);
        var reciprocity = await Replicate("gulf-campus", "reciprocity.json", 3);
        // Under the deals the tenants' lots are licences within the UAE's quota: lawful, however large the campus.
        Assert.All(deals, r => Assert.Equal(0, MaxExcessH100e(r, BreachKind.PiecemealExemption)));
        Assert.All(deals, r => Assert.Equal(0, MaxExcessH100e(r, BreachKind.NoClustering)));
        Assert.All(deals, r => Assert.True(r.Smuggled > Tpp.FromH100e(40_000), $"the campus receives its tenants' lots: {r.Smuggled.H100e:N0} H100e"));
        // Under reciprocity each is an exempt installation, and the campus links them beyond the no-clustering limit.
        Assert.All(reciprocity, r => Assert.InRange(MaxExcessH100e(r, BreachKind.NoClustering), 10_000, 80_000));
        Assert.All(reciprocity, r => Assert.InRange(MaxExcessH100e(r, BreachKind.PiecemealExemption), 10_000, 80_000));
    }

    [Fact]
    public async Task With_the_shared_measures_in_every_arm_the_diffusion_rule_leaves_the_networks_less_than_the_rescission_and_500_H100e_less_still()
    {
        // Two paired replications over the family's 32 months (the arms part once allowances and caps bind, in 2026):
        // the direction held in every one of 40 paired replications.
        var order = new[] { "rescission.json", "diffusion-rule.json", "threshold-500.json" };
        var arms = new List<List<ReplicationSummary>>();
        foreach (var file in order) arms.Add(await Replicate("shell-networks", file, 2));
        for (var i = 1; i < arms.Count; i++)
        {
            var (looser, tighter) = (arms[i - 1], arms[i]);
            Assert.All(looser.Zip(tighter), pair => Assert.True(pair.Second.Smuggled < pair.First.Smuggled,
                $"{order[i]} against {order[i - 1]}, replication {pair.First.Replication}: {pair.Second.Smuggled.H100e:N0} smuggled H100e against {pair.First.Smuggled.H100e:N0}"));
            Assert.True(tighter.Sum(r => MaxExcessH100e(r, BreachKind.UnlawfulCompute)) < looser.Sum(r => MaxExcessH100e(r, BreachKind.UnlawfulCompute)),
                $"{order[i]}: the largest lab's unlawful compute should be smaller than under {order[i - 1]}");
        }
    }

    [Fact]
    public async Task Location_verification_cuts_what_the_shell_networks_deliver_mostly_by_deterring_them()
    {
        var off = await Replicate("location-verification", "off.json", 2);
        var on = await Replicate("location-verification", "on.json", 2);
        Assert.All(off.Zip(on), pair =>
        {
            Assert.True(pair.Second.Smuggled < pair.First.Smuggled, $"{pair.Second.Smuggled.H100e:N0} smuggled H100e with verification, {pair.First.Smuggled.H100e:N0} without");
            Assert.True(MaxExcessH100e(pair.Second, BreachKind.UnlawfulCompute) < MaxExcessH100e(pair.First, BreachKind.UnlawfulCompute));
            // The risk it adds thins the networks' margins: what they leave unbought grows by more than what is seized.
            var (without, with) = (pair.First.KeptOut!, pair.Second.KeptOut!);
            Assert.True(with.DeterredH100e - without.DeterredH100e > with.SeizedH100e - without.SeizedH100e,
                $"deterred {without.DeterredH100e:N0} -> {with.DeterredH100e:N0} H100e, seized {without.SeizedH100e:N0} -> {with.SeizedH100e:N0}");
        });
    }
}
