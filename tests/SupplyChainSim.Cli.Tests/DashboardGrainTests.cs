using System.Text.Json;
using SupplyChainSim.ScenarioFiles;

namespace SupplyChainSim.Cli.Tests;

/// <summary>An analyst who opens the Orleans Dashboard during a run finds every data centre and intermediary the scenario names.</summary>
public class DashboardGrainTests
{
    [Fact]
    public async Task During_a_shipped_run_the_dashboard_counts_a_grain_for_every_listed_site_owner_and_intermediary()
    {
        const string scenario = "scenarios/piecemeal-2025.json";
        var spec = ScenarioLoader.Load(Path.Combine(Paths.Root, scenario)).Spec;
        var alone = spec.DataCentres.Sites.Where(s => !s.LinkAcrossSites).ToList();
        var owners = spec.DataCentres.Sites.Where(s => s.LinkAcrossSites).Select(s => $"{s.OwnerOrSelf}@{s.Country}").Distinct().ToList();
        // The shipped world lists sites alone, owners that link theirs (xAI's Colossus, the Johor front) and brokers.
        Assert.True(alone.Count >= 10 && owners.Count >= 2 && spec.Intermediaries.List.Count >= 3, $"{alone.Count} sites, {owners.Count} owners");

        using var output = new TempFolder();
        await using var run = LiveProcess.Start("run", scenario, "--dashboard", "--port", "0", "--pace", "400ms", "--out", output.Path);
        var root = (await run.WaitForLineAsync("Live world:", TimeSpan.FromSeconds(60)))["Live world:".Length..].Trim();
        using var http = new HttpClient();

        // The dashboard refreshes its counters at most once a second: ask until every grain is counted.
        Dictionary<string, int> activations = [];
        var monthsDone = 0;
        for (var tries = 0; tries < 60; tries++)
        {
            using (var counters = JsonDocument.Parse(await http.GetStringAsync(root + "dashboard/DashboardCounters")))
                activations = counters.RootElement.GetProperty("simpleGrainStats").EnumerateArray()
                    .GroupBy(s => s.GetProperty("grainType").GetString()!.Split('.')[^1])
                    .ToDictionary(g => g.Key, g => g.Sum(s => s.GetProperty("activationCount").GetInt32()));
            using (var state = JsonDocument.Parse(await http.GetStringAsync(root + "api/state")))
                monthsDone = state.RootElement.GetProperty("monthsDone").GetInt32();
            if (activations.GetValueOrDefault("DataCentreGrain") >= alone.Count && activations.GetValueOrDefault("OwnerGrain") >= owners.Count
                && activations.GetValueOrDefault("IntermediaryGrain") >= spec.Intermediaries.List.Count) break;
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }

        Assert.True(monthsDone < spec.Months, $"counted after the run ({monthsDone} months), not during it");
        Assert.Equal(alone.Count, activations.GetValueOrDefault("DataCentreGrain"));
        Assert.Equal(owners.Count, activations.GetValueOrDefault("OwnerGrain"));
        Assert.Equal(spec.Intermediaries.List.Count, activations.GetValueOrDefault("IntermediaryGrain"));
        Assert.True(activations.GetValueOrDefault("DataCentrePoolGrain") > 0, "the generated sites are pooled");
        Assert.Equal(1, activations.GetValueOrDefault("EntityListGrain"));
        Assert.Equal(1, activations.GetValueOrDefault("MagnetExporterGrain"));
        Assert.Equal(130, await run.InterruptAsync());
    }
}
