using System.Text.Json;

namespace SupplyChainSim.Cli.Tests;

/// <summary>
/// Names come from scenario files that anyone may have written: they reach spreadsheets as text, never as formulas,
/// and terminals as text, never as escape sequences; the JSON files keep them exactly as given.
/// </summary>
public class HostileNameTests
{
    /// <summary>live-breach.json with its site, owner, intermediary and chipmaker names replaced (JSON-escaped replacements).</summary>
    private static async Task<string> Scenario(TempFolder temp, params (string From, string To)[] names)
    {
        var text = await File.ReadAllTextAsync(LiveObservationTests.Scenario);
        text = text.Replace("\"$schema\": \"../../../scenarios/scenario.schema.json\",", "");
        foreach (var (from, to) in names) text = text.Replace(from, to);
        var file = temp.File("hostile.json");
        await File.WriteAllTextAsync(file, text);
        return file;
    }

    [Fact]
    public async Task Names_that_a_spreadsheet_would_run_as_formulas_are_written_to_csv_as_text_and_to_json_as_they_are()
    {
        using var temp = new TempFolder();
        const string site = "=cmd|' /C calc'!A0";
        const string owner = "@SUM(1+1)*cmd|' /C calc'!A0";
        var scenario = await Scenario(temp, ("\"cn-1\"", "\"=cmd|' /C calc'!A0\""), ("\"owner\": \"Lab\"", "\"owner\": \"@SUM(1+1)*cmd|' /C calc'!A0\""),
            ("\"sg-net\"", "\"+sg-net\""), ("\"us-1\"", "\"-us-1\""));
        var result = await Cli.RunAsync("run", scenario, "--out", temp.File("out"));
        Assert.True(result.ExitCode == 0, result.Error);

        var licences = (await File.ReadAllLinesAsync(temp.File("out/licences.csv"))).Skip(1).Select(l => l.Split(',')).ToList();
        var consignees = licences.Select(row => row[6]).ToHashSet();
        Assert.Contains("'" + site, consignees);
        Assert.Contains("'-us-1", consignees);
        Assert.Contains("'+sg-net/shell-1", consignees);
        Assert.DoesNotContain(consignees, c => c.Length > 0 && c[0] is '=' or '+' or '-' or '@');
        // Numbers stay numbers.
        Assert.All(licences, row => Assert.True(double.TryParse(row[4], System.Globalization.CultureInfo.InvariantCulture, out _), row[4]));

        using var breaches = JsonDocument.Parse(await File.ReadAllTextAsync(temp.File("out/breaches.json")));
        var breach = breaches.RootElement[0];
        Assert.Equal(site, breach.GetProperty("site").GetString());
        Assert.Equal(owner, breach.GetProperty("owner").GetString());
        Assert.Contains(breach.GetProperty("acquisitions").EnumerateArray(), a => a.GetProperty("via").GetString() == "+sg-net");
    }

    [Fact]
    public async Task Escape_sequences_in_names_are_shown_not_sent_to_the_terminal()
    {
        using var temp = new TempFolder();
        var scenario = await Scenario(temp, ("\"cn-1\"", "\"cn-1\\u001b[2J\""), ("\"owner\": \"Lab\"", "\"owner\": \"Lab\\u001b]0;pwned\\u0007\""));
        var result = await Cli.RunAsync("run", scenario, "--out", temp.File("out"));
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("cn-1\\u001B[2J (Lab\\u001B]0;pwned\\u0007, CN)", result.Out);
        Assert.DoesNotContain('\u001b', result.Out + result.Error);
        Assert.DoesNotContain('\u0007', result.Out + result.Error);
        using var breaches = JsonDocument.Parse(await File.ReadAllTextAsync(temp.File("out/breaches.json")));
        Assert.Equal("cn-1\u001b[2J", breaches.RootElement[0].GetProperty("site").GetString());

        // Errors that echo a name from the file, or a word from the command line, show it the same way.
        var invalid = await Scenario(temp, ("\"name\": \"live-breach\"", "\"name\": \"x\\u001b[2J\""));
        var error = await Cli.RunAsync("run", invalid, "--out", temp.File("none"));
        Assert.Equal(2, error.ExitCode);
        Assert.Contains("found \"x\\u001B[2J\"", error.Error);
        var verb = await Cli.RunAsync("ru\u001b[2Jn");
        Assert.Equal(2, verb.ExitCode);
        Assert.Contains("unknown command 'ru\\u001B[2Jn'", verb.Error);
        Assert.DoesNotContain('\u001b', error.Error + verb.Error);
    }

    [Theory]
    [InlineData("Beijing AI Lab", "Beijing AI Lab")]
    [InlineData("cn-1\u001b[2J", "cn-1\\u001B[2J")]
    [InlineData("a\tb\r\nc\u0007\u009b", "a\\u0009b\\u000D\\u000Ac\\u0007\\u009B")]
    [InlineData("lab\u202Egpj.exe", "lab\\u202Egpj.exe")]
    [InlineData("Zürich 北京", "Zürich 北京")]
    public void Control_characters_are_shown_as_escapes(string name, string shown) => Assert.Equal(shown, TerminalText.Safe(name));
}
