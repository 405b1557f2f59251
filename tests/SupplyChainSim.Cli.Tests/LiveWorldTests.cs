using SupplyChainSim.Cli.Live;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Units;
using SupplyChainSim.Model.Worlds;
using SupplyChainSim.ScenarioFiles;

namespace SupplyChainSim.Cli.Tests;

/// <summary>The live page's snapshots against the run's own month reports.</summary>
public class LiveWorldTests
{
    private static async Task<(World World, RunResults Results, LiveWorld Live)> Follow(string scenario)
    {
        var world = WorldBuilder.Build(ScenarioLoader.Load(scenario));
        var live = new LiveWorld(world, "test-run");
        var results = await InMemoryWorldHosts.RunAsync(world, live.Record);
        return (world, results, live);
    }

    private static double H100e(Tpp compute) => Math.Round(compute.H100e, 1, MidpointRounding.AwayFromZero);

    [Fact]
    public async Task Totals_countries_and_breaches_match_the_month_reports()
    {
        var (world, results, live) = await Follow(Paths.Scenario("piecemeal-2025.json"));
        var state = live.Current;
        Assert.Equal(LiveStatus.Running, state.Status);
        Assert.Equal(world.Context.Months, state.MonthsDone);
        Assert.Equal(world.Context.End.ToString(), state.Month);
        Assert.Equal(results.Months.Count, state.History.Count);

        Tpp Sum(Func<MonthReport, Model.Trade.Flow> flow) => results.Months.Aggregate(Tpp.Zero, (sum, m) => sum + flow(m).Compute);
        Assert.Equal(H100e(Sum(m => m.Licensed)), state.SoFar.LicensedH100e);
        Assert.Equal(H100e(Sum(m => m.Exempt)), state.SoFar.ExemptH100e);
        Assert.Equal(H100e(Sum(m => m.Smuggled)), state.SoFar.SmuggledH100e);
        Assert.Equal(H100e(Sum(m => m.Denied)), state.SoFar.DeniedH100e);
        Assert.Equal(H100e(results.Months[^1].Exempt.Compute), state.ThisMonth.ExemptH100e);
        Assert.True(state.SoFar.SmuggledH100e > 0);

        // Installed compute is the last month's, largest first; every country with chips is listed.
        var last = results.Months[^1].Countries.Where(c => c.Installed > Tpp.Zero).ToDictionary(c => c.Country);
        Assert.All(last.Values, c => Assert.Equal(H100e(c.Installed), state.Countries.Single(x => x.Code == c.Country).InstalledH100e));
        Assert.Equal(state.Countries.OrderByDescending(c => c.InstalledH100e).Select(c => c.Code), state.Countries.Select(c => c.Code));
        var china = state.Countries.Single(c => c.Code == "CN");
        Assert.Equal(results.Months.Sum(m => m.Countries.Single(c => c.Country == "CN").NewBreaches), china.Breaches);

        // Each kind's breaches so far, and the largest excess at the last month, as the month report has it.
        foreach (var kind in state.Kinds)
        {
            Assert.Equal(results.Breaches.Count(b => b.Kind == kind.Kind), kind.Breaches);
            var peak = results.Months[^1].Peaks.SingleOrDefault(p => p.Kind == kind.Kind);
            Assert.Equal((peak is null ? 0 : H100e(peak.Excess), peak?.ClusterKey), (kind.LargestExcessH100e, kind.LargestAt));
        }
        Assert.Equal(H100e(results.Months[^1].Countries.Single(c => c.Country == "CN").Unauthorised), china.UnauthorisedH100e);

        // Where the compute went so far: report.html's flow picture of the same months, to 0.1 H100e.
        var picture = Reports.FlowPicture.Of(results.Months.SelectMany(m => m.Channels));
        Assert.Equal(picture.Nodes.Select(n => (n.Name, n.Column, n.Kind)), state.Channels.Nodes.Select(n => (n.Name, n.Column, n.Kind)));
        Assert.Equal(picture.Links.Select(l => (l.From, l.To, l.Kind, Math.Round(l.H100e, 1, MidpointRounding.AwayFromZero))),
            state.Channels.Links.Select(l => (l.From, l.To, l.Kind, l.H100e)));
        Assert.Contains(state.Channels.Links, l => l.Kind == "smuggled" && l.To.StartsWith("cnlab-owner-CN-", StringComparison.Ordinal) && l.To.EndsWith(" (CN)", StringComparison.Ordinal));

        // Every breach, in order, with a trail that adds up to its cluster.
        var breaches = results.Breaches.ToList();
        Assert.Contains(breaches, b => b.Kind == "piecemeal-exemption");
        Assert.Contains(breaches, b => b.Kind == "unlawful-compute");
        Assert.Equal(breaches.Count, state.Breaches.Count);
        Assert.Equal(breaches.Select(b => (b.Month.ToString(), b.Site)), state.Breaches.Select(b => (b.Month, b.Site)));
        foreach (var (expected, shown) in breaches.Zip(state.Breaches))
        {
            Assert.Equal(H100e(expected.Cluster), shown.ClusterH100e);
            Assert.Equal(H100e(expected.Permitted), shown.PermittedH100e);
            Assert.Equal((expected.Kind, H100e(expected.Excess), expected.LimitBasis), (shown.Kind, shown.ExcessH100e, shown.LimitBasis));
            Assert.Equal(expected.Acquisitions.Count, shown.Trail.Count);
            Assert.Equal(shown.ClusterH100e, Math.Round(shown.Trail.Sum(a => a.H100e), 1), 0.05 * shown.Trail.Count);
        }
        Assert.Contains(state.Breaches, b => b.MainRoute.StartsWith("smuggled via ", StringComparison.Ordinal));
        Assert.Equal(results.Months.Select(m => m.BreachesSoFar), state.History.Select(h => h.BreachesSoFar));

        live.Finish("runs/x");
        Assert.Equal(LiveStatus.Finished, live.Current.Status);
        Assert.Equal("runs/x", live.Current.Results);
    }

    [Fact]
    public async Task Magnet_shortage_is_the_importers_latest_and_its_peak_is_in_the_history()
    {
        var (_, results, live) = await Follow(Paths.Scenario("magnets-leverage-2025.json"));
        var state = live.Current;
        var last = results.Months[^1].RareEarths.Importers;
        Assert.Equal(last.Select(i => i.Country), state.Magnets.Select(m => m.Country));
        Assert.Equal(last.Select(i => Math.Round(i.Shortage, 3)), state.Magnets.Select(m => m.Shortage));
        var peak = results.Months.SelectMany(m => m.RareEarths.Importers).Max(i => i.Shortage);
        Assert.True(peak > 0.4);
        Assert.Equal(Math.Round(peak, 3), state.History.Max(h => h.PeakShortage));
    }

    [Fact]
    public async Task Watchers_get_the_current_snapshot_then_each_new_one()
    {
        var world = WorldBuilder.Build(ScenarioLoader.Load(LiveObservationTests.Scenario));
        var live = new LiveWorld(world, "test-run");
        var months = (await InMemoryWorldHosts.RunAsync(world)).Months;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var updates = live.Updates(stop.Token).GetAsyncEnumerator(stop.Token);

        Assert.True(await updates.MoveNextAsync());
        Assert.Equal(LiveStatus.Starting, updates.Current.Status);
        var next = updates.MoveNextAsync();
        Assert.False(next.IsCompleted, "nothing new until a month is recorded");
        live.Record(months[0]);
        Assert.True(await next);
        Assert.Equal("2025-01", updates.Current.Month);
        live.Record(months[1]);
        live.Record(months[2]);
        Assert.True(await updates.MoveNextAsync());
        Assert.Equal("2025-03", updates.Current.Month); // a slow watcher skips to the latest
        Assert.Equal(3, updates.Current.Version);
        stop.Cancel();
        Assert.False(await updates.MoveNextAsync());
    }

    [Fact]
    public async Task No_largest_cluster_is_named_before_any_chips_are_installed()
    {
        var world = WorldBuilder.Build(ScenarioLoader.Load(LiveObservationTests.Scenario));
        var live = new LiveWorld(world, "test-run");
        var months = (await InMemoryWorldHosts.RunAsync(world)).Months;
        Assert.Equal(Tpp.Zero, months[0].LargestCluster);
        Assert.NotNull(months[0].LargestClusterSite); // the model names a site even then
        Assert.Null(live.Current.LargestClusterSite);
        live.Record(months[0]);
        Assert.Null(live.Current.LargestClusterSite);
        Assert.Equal(0, live.Current.LargestClusterH100e);
        live.Record(months[1]);
        Assert.True(months[1].LargestCluster > Tpp.Zero);
        Assert.Equal(months[1].LargestClusterSite, live.Current.LargestClusterSite);
    }

    [Theory]
    [InlineData("/home/ana/project", "runs/x", "runs/x")]
    [InlineData("/home/ana/project", "/home/ana/project/runs/x", "runs/x")]
    [InlineData("/home/ana/project", "/home/ana/project/runs/x/", "runs/x")]
    [InlineData("/home/ana/project", "/tmp/scs-out/x", "x")]
    [InlineData("/home/ana/project", "../elsewhere/x", "x")]
    [InlineData("/home/ana/project", "/home/ana/project-2/x", "x")]
    [InlineData("/home/ana/project", "/home/ana/project", ".")]
    [InlineData("/home/ana/project", "/home/ana/project/..x/y", "..x/y")]
    public void The_results_folder_is_shown_relative_to_the_working_directory_or_by_name(string workingDirectory, string path, string shown) =>
        Assert.Equal(shown, LiveWorld.ShownPath(path, workingDirectory));

    [Fact]
    public void Finishing_shows_the_results_folder_without_an_absolute_path()
    {
        var live = new LiveWorld(WorldBuilder.Build(ScenarioLoader.Load(LiveObservationTests.Scenario)), "test-run");
        live.Finish(Path.Combine(Path.GetTempPath(), "scs-somewhere", "out"));
        Assert.Equal("out", live.Current.Results);
    }

    [Fact]
    public void Pausing_is_published_to_watchers_once_per_change()
    {
        var live = new LiveWorld(WorldBuilder.Build(ScenarioLoader.Load(LiveObservationTests.Scenario)), "test-run");
        var pacing = new LivePacing(TimeSpan.FromSeconds(1));
        pacing.PausedChanged += live.SetPaused;
        var version = live.Current.Version;
        pacing.Pause();
        Assert.True(live.Current.Paused);
        Assert.Equal(version + 1, live.Current.Version);
        pacing.Step();
        Assert.Equal(version + 1, live.Current.Version); // still paused: nothing new to show
        pacing.Resume();
        Assert.False(live.Current.Paused);
        Assert.Equal(version + 2, live.Current.Version);
    }
}
