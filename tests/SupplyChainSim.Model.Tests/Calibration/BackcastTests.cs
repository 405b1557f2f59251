using SupplyChainSim.Model.Calibration;
using SupplyChainSim.Model.MonteCarlo;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Worlds;
using SupplyChainSim.ScenarioFiles;

namespace SupplyChainSim.Model.Tests;

/// <summary>
/// The shipped backcast against the record, in brief: four replications of backcast-2024 (the README gives the
/// hundred-replication figures). It fails when a change to the world or the rules moves 2024 far off what was published.
/// </summary>
public class BackcastTests
{
    private const int Replications = 4;

    private static readonly Lazy<Task<Dictionary<string, CalibrationRow>>> Rows = new(async () =>
    {
        var scenario = ScenarioLoader.Load(Paths.Scenario("backcast-2024.json"));
        async Task<ReplicationSummary> Replicate(int i)
        {
            var world = WorldBuilder.Build(scenario.WithSeed(ReplicationSeeds.For(scenario.Spec.Seed, i)));
            return ReplicationSummary.Of(i, await InMemoryWorldHosts.RunAsync(world));
        }
        var runs = await Task.WhenAll(Enumerable.Range(0, Replications).Select(i => Task.Run(() => Replicate(i))));
        return CalibrationRow.Of(ScenarioLoader.BuiltIn.Targets, runs).ToDictionary(r => r.Target.Id);
    });

    [Fact]
    public async Task The_2024_backcast_stays_near_the_published_record()
    {
        var rows = await Rows.Value;
        Assert.All(rows.Values, r => Assert.Equal(Replications, r.Replications));
        // CNAS: about 140,000 chips smuggled into China in 2024, 10,000 to several hundred thousand.
        var smuggled = rows["smuggled-into-china-2024"];
        Assert.InRange(smuggled.Median, 70_000, 280_000);
        Assert.True(smuggled.P5 < 300_000 && smuggled.P95 > 10_000, $"{smuggled.P5:N0} to {smuggled.P95:N0}");
        Assert.True(smuggled.P95 > smuggled.P5, "the number of smuggling networks is uncertain: replications differ");
        // About a million H20s to China in 2024, within 50%.
        Assert.InRange(rows["h20-to-china-2024"].Median, 500_000, 1_500_000);
        // Installed AI compute grew 2.3 to 3.3 times in 2024 (Epoch AI).
        Assert.InRange(rows["installed-growth-2024"].Median, 2.3, 3.3);
        // Colossus: about 100,000 H100s from September 2024, the largest cluster at the end of the year.
        Assert.InRange(rows["largest-cluster-2024-09"].Median, 80_000, 130_000);
        Assert.InRange(rows["largest-cluster-end-2024"].Median, 50_000, 200_000);
        // The backcast ends in December 2024: NVIDIA's fiscal year to January 2025 and the 2025 figures are not covered.
        Assert.False(rows.ContainsKey("nvidia-china-revenue-fy2025"));
        Assert.False(rows.ContainsKey("largest-cluster-end-2025"));
    }
}
