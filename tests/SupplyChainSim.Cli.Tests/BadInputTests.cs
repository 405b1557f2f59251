namespace SupplyChainSim.Cli.Tests;

/// <summary>Whatever the input, a clear message, the right exit code, no stack trace and nothing half-written.</summary>
public class BadInputTests
{
    private static async Task AssertInvalid(TempFolder temp, string file, string expected)
    {
        var outDir = temp.File("out");
        var result = await Cli.RunAsync("run", file, "--out", outDir);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error);
        Assert.DoesNotContain("   at ", result.Error);
        Assert.False(Directory.Exists(outDir), "nothing is created when the input is invalid");
    }

    [Fact]
    public async Task Empty_files_are_invalid()
    {
        using var temp = new TempFolder();
        await File.WriteAllTextAsync(temp.File("empty.json"), "");
        await AssertInvalid(temp, temp.File("empty.json"), "empty.json: $: is empty; expected a JSON object");
    }

    [Fact]
    public async Task Text_that_is_not_JSON_names_its_line_and_column()
    {
        using var temp = new TempFolder();
        await File.WriteAllTextAsync(temp.File("notes.json"), "{\n  scenario: yes\n}");
        await AssertInvalid(temp, temp.File("notes.json"), "notes.json:2:3: $: not valid JSON here:");
    }

    [Fact]
    public async Task Truncated_files_name_where_they_end()
    {
        using var temp = new TempFolder();
        var text = await File.ReadAllTextAsync(Paths.Scenario("baseline-2023.json"));
        await File.WriteAllTextAsync(temp.File("cut.json"), text[..(text.Length / 2)]);
        var result = await Cli.RunAsync("run", temp.File("cut.json"), "--out", temp.File("out"));
        Assert.Equal(2, result.ExitCode);
        Assert.Matches(@"cut\.json:\d+:\d+: ", result.Error);
    }

    [Fact]
    public async Task Binary_files_are_invalid()
    {
        using var temp = new TempFolder();
        await File.WriteAllBytesAsync(temp.File("image.json"), [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01, 0x02]);
        await AssertInvalid(temp, temp.File("image.json"), "image.json: $: is binary, not JSON text");
    }

    [Fact]
    public async Task Huge_files_are_refused_before_they_are_read()
    {
        using var temp = new TempFolder();
        await using (var stream = File.Create(temp.File("huge.json"))) stream.SetLength(17 * 1024 * 1024);
        await AssertInvalid(temp, temp.File("huge.json"), "huge.json: $: is 17,825,792 bytes; a scenario file is at most 16,777,216 bytes");
    }
}
