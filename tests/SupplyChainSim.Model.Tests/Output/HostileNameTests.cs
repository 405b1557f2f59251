using System.Globalization;
using System.Text;
using System.Text.Json;
using SupplyChainSim.Output;

namespace SupplyChainSim.Model.Tests;

/// <summary>
/// Names come from scenario files that anyone may have written: they reach spreadsheets as text, never as formulas,
/// and the JSON files keep them exactly as given. (What a terminal shows of them is the CLI's to test.)
/// </summary>
public class HostileNameTests
{
    [Fact]
    public async Task Names_that_a_spreadsheet_would_run_as_formulas_are_written_to_csv_as_text_and_to_json_as_they_are()
    {
        const string site = "=cmd|' /C calc'!A0";
        const string owner = "@SUM(1+1)*cmd|' /C calc'!A0";
        // The CLI tests' live-breach.json, with its site, owner, intermediary and chipmaker names replaced.
        var text = await File.ReadAllTextAsync(Path.Combine(Paths.Root, "tests", "SupplyChainSim.Cli.Tests", "Scenarios", "live-breach.json"));
        foreach (var (from, to) in new[] { ("\"cn-1\"", "\"=cmd|' /C calc'!A0\""), ("\"owner\": \"Lab\"", "\"owner\": \"@SUM(1+1)*cmd|' /C calc'!A0\""),
                     ("\"sg-net\"", "\"+sg-net\""), ("\"us-1\"", "\"-us-1\"") })
            text = text.Replace(from, to);
        var files = await TestWorlds.Files(TestWorlds.Build(text));

        var licences = Encoding.UTF8.GetString(files[ResultFiles.LicencesCsv]).TrimEnd('\n').Split('\n').Skip(1).Select(l => l.Split(',')).ToList();
        var consignees = licences.Select(row => row[6]).ToHashSet();
        Assert.Contains("'" + site, consignees);
        Assert.Contains("'-us-1", consignees);
        Assert.Contains("'+sg-net/shell-1", consignees);
        Assert.DoesNotContain(consignees, c => c.Length > 0 && c[0] is '=' or '+' or '-' or '@');
        // Numbers stay numbers.
        Assert.All(licences, row => Assert.True(double.TryParse(row[4], CultureInfo.InvariantCulture, out _), row[4]));

        using var breaches = JsonDocument.Parse(files[ResultFiles.Breaches]);
        var breach = breaches.RootElement[0];
        Assert.Equal(site, breach.GetProperty("site").GetString());
        Assert.Equal(owner, breach.GetProperty("owner").GetString());
        Assert.Contains(breach.GetProperty("acquisitions").EnumerateArray(), a => a.GetProperty("via").GetString() == "+sg-net");
    }
}
