using System.Diagnostics;

namespace SupplyChainSim.Model.Tests;

/// <summary>What the repository gives a reader points only at what the repository holds.</summary>
public class RepositoryTextTests
{
    // Built from parts so that this file does not match itself.
    private static readonly string[] Dangling = ["DOMAIN" + ".md", ".." + "/shared"];

    [Fact]
    public void No_tracked_file_points_at_a_domain_file_or_a_shared_folder_outside_the_repository()
    {
        var files = TrackedFiles();
        Assert.Contains("README.md", files);
        var found = files
            .Where(f => !f.EndsWith(".ttf", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(Path.Combine(Paths.Root, f)).Select((line, i) => (f, line, i)))
            .Where(x => Dangling.Any(d => x.line.Contains(d, StringComparison.OrdinalIgnoreCase)))
            .Select(x => $"{x.f}:{x.i + 1}: {x.line.Trim()}")
            .ToList();
        Assert.True(found.Count == 0, "cite the source itself instead:\n" + string.Join("\n", found));
    }

    /// <summary>git's list of tracked files; without git (a source archive), every file outside build output.</summary>
    private static List<string> TrackedFiles()
    {
        try
        {
            var start = new ProcessStartInfo("git", ["-C", Paths.Root, "ls-files", "-z"]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var git = Process.Start(start)!;
            var output = git.StandardOutput.ReadToEnd();
            git.WaitForExit();
            if (git.ExitCode == 0) return output.Split('\0', StringSplitOptions.RemoveEmptyEntries).Where(f => File.Exists(Path.Combine(Paths.Root, f))).ToList();
        }
        catch (System.ComponentModel.Win32Exception)
        {
        }
        string[] skipped = ["bin", "obj", ".git", "runs", "TestResults"];
        return Directory.EnumerateFiles(Paths.Root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Paths.Root, f).Replace('\\', '/'))
            .Where(f => !f.Split('/').Any(part => skipped.Contains(part)))
            .ToList();
    }
}
