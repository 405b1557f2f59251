using System.Text.Json;

namespace SupplyChainSim.Cli.Tests;

/// <summary>
/// Names come from scenario files that anyone may have written: they reach terminals as text, never as escape
/// sequences, and the JSON files keep them exactly as given. (Spreadsheets get them as text, never as formulas: the
/// model's tests check the CSV files.)
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
