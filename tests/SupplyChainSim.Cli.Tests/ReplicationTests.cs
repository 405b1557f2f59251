using System.Text.Json;

namespace SupplyChainSim.Cli.Tests;

public class ReplicationTests
{
    [Fact]
    public async Task Replication_k_is_identical_to_a_single_run_with_its_seed()
    {
        using var temp = new TempFolder();
        var many = await Cli.RunAsync("run", "scenarios/piecemeal-2025.json", "--months", "12", "--replications", "4", "--out", temp.File("many"));
        Assert.True(many.ExitCode == 0, many.Error);

        var rows = (await File.ReadAllLinesAsync(temp.File("many/replications.csv"))).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(["0", "1", "2", "3"], rows.Select(r => r[0]));
        Assert.Equal("2025", rows[0][1]); // replication 0 is the scenario's own seed
        Assert.Equal(4, rows.Select(r => r[1]).Distinct().Count());
        Assert.Matches(@"supplychainsim run scenarios/piecemeal-2025\.json --seed \d+", many.Out);

        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(temp.File("many/summary.json")));
        var monteCarlo = summary.RootElement.GetProperty("monteCarlo");
        Assert.Equal(4, monteCarlo.GetProperty("replications").GetInt32());
        var probability = monteCarlo.GetProperty("breachProbability");
        Assert.InRange(probability.GetProperty("estimate").GetDouble(), probability.GetProperty("lower95").GetDouble(), probability.GetProperty("upper95").GetDouble());

        var row = rows[2];
        var single = await Cli.RunAsync("run", "scenarios/piecemeal-2025.json", "--months", "12", "--seed", row[1], "--out", temp.File("single"));
        Assert.True(single.ExitCode == 0, single.Error);
        using var alone = JsonDocument.Parse(await File.ReadAllTextAsync(temp.File("single/summary.json")));
        var root = alone.RootElement;
        Assert.Equal(row[2], root.GetProperty("breachCount").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(row[3], root.GetProperty("firstBreachMonth").GetString() ?? "");
        Assert.Equal(row[5], root.GetProperty("shipped").GetProperty("smuggled").GetProperty("h100e").GetRawText());
        Assert.Equal(row[7], root.GetProperty("detections").GetProperty("lots").GetRawText());
    }

    [Fact]
    public async Task Replication_zero_writes_the_same_files_as_the_plain_run()
    {
        using var temp = new TempFolder();
        Assert.Equal(0, (await Cli.RunAsync("run", "scenarios/piecemeal-2025.json", "--months", "6", "--replications", "2", "--out", temp.File("a"))).ExitCode);
        Assert.Equal(0, (await Cli.RunAsync("run", "scenarios/piecemeal-2025.json", "--months", "6", "--out", temp.File("b"))).ExitCode);
        foreach (var name in new[] { "months.csv", "breaches.json", "licences.csv" })
            Assert.Equal(await File.ReadAllBytesAsync(temp.File("b/" + name)), await File.ReadAllBytesAsync(temp.File("a/" + name)));
    }
}
