namespace SupplyChainSim.Cli.Tests;

/// <summary>
/// The headless chromium the browser tests drive (Playwright for .NET cannot download its own browser here). Where it
/// is missing they report "skipped" with the reason, so that `dotnet test` passes on a machine with only the .NET SDK;
/// CI sets <see cref="RequiredVariable"/>=1 so that a missing browser fails there instead of hiding the tests.
/// </summary>
internal static class Browser
{
    public const string RequiredVariable = "SUPPLYCHAINSIM_REQUIRE_BROWSER";
    public const string PathVariable = "SUPPLYCHAINSIM_CHROMIUM";
    public const string DefaultPath = "/usr/bin/chromium";

    /// <summary>chromium's path: <see cref="PathVariable"/> when set, else Debian's.</summary>
    public static string Chromium =>
        Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } path ? path : DefaultPath;

    /// <summary>chromium's path; skips the calling [SkippableFact] when it is missing, or fails it when CI requires it.</summary>
    public static string Require()
    {
        var path = Chromium;
        if (File.Exists(path)) return path;
        var reason = $"no browser at {path}: install chromium (apt-get install chromium, as .ci/run does) or set {PathVariable} to its path";
        if (Environment.GetEnvironmentVariable(RequiredVariable) == "1") Assert.Fail($"{reason} ({RequiredVariable}=1 requires it)");
        throw new SkipException(reason);
    }

    /// <summary>
    /// Where a screenshot of a page goes: the folder SUPPLYCHAINSIM_SCREENSHOTS names, to look at the pages a test saw;
    /// else the test's own folder <paramref name="shots"/>, removed with it.
    /// </summary>
    public static string Screenshot(TempFolder shots, string name) =>
        Environment.GetEnvironmentVariable("SUPPLYCHAINSIM_SCREENSHOTS") is { Length: > 0 } folder ? Path.Combine(folder, name) : shots.File(name);
}
