namespace SupplyChainSim.Cli.OutputFolders;

/// <summary>
/// Where a command may put its output folder. Whatever is found there is replaced whole, so a folder that is the
/// root of the file system, that holds an input of the run, or that contains the working directory or a repository is
/// refused before anything runs.
/// </summary>
internal static class OutputFolderRules
{
    private static readonly StringComparison PathComparison =
        OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;

    /// <summary>
    /// The folder's canonical path (symbolic links followed, so the folder a link points at is the one replaced), or an
    /// <see cref="OutputFolderRefusedException"/> saying why it may not be written.
    /// </summary>
    public static string Check(string folder, IEnumerable<string> inputs)
    {
        var target = Canonical(folder);
        void Refuse(string why) => throw new OutputFolderRefusedException($"--out {folder}: {why}; nothing was run or written.");

        if (File.Exists(target)) Refuse("is a file; expected a folder");
        if (Path.GetPathRoot(target) is { } root && string.Equals(Path.TrimEndingDirectorySeparator(root), target, PathComparison))
            Refuse("is the root of the file system; the output folder is replaced whole, so choose a folder of its own");
        foreach (var input in inputs.Select(Canonical))
            if (Contains(target, input))
                Refuse($"holds {input}, an input of this run, which writing the results would replace; choose another folder");
        var workingDirectory = Canonical(Environment.CurrentDirectory);
        if (Contains(target, workingDirectory))
            Refuse($"contains the current directory ({workingDirectory}), which writing the results would replace; choose a folder inside it");
        foreach (var repository in Repositories(inputs.Append(workingDirectory).Append(AppContext.BaseDirectory)))
            if (Contains(target, repository))
                Refuse($"contains the repository {repository}, which writing the results would replace; choose a folder inside it");
        if (Path.Exists(Path.Combine(target, ".git"))) Refuse("is a git repository; choose a folder of its own");
        return target;
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="folder"/> or lies inside it.</summary>
    public static bool Contains(string folder, string path) =>
        string.Equals(folder, path, PathComparison) ||
        path.StartsWith(Path.TrimEndingDirectorySeparator(folder) + Path.DirectorySeparatorChar, PathComparison);

    /// <summary>
    /// An absolute path with symbolic links resolved as far as the path exists (the rest appended as given), so that
    /// two names of one folder compare equal.
    /// </summary>
    public static string Canonical(string path)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        var missing = new Stack<string>();
        var existing = full;
        while (!Path.Exists(existing) && Path.GetDirectoryName(existing) is { } parent)
        {
            missing.Push(Path.GetFileName(existing));
            existing = parent;
        }
        var resolved = Posix.RealPath(existing) ?? existing;
        while (missing.Count > 0) resolved = Path.Combine(resolved, missing.Pop());
        return resolved;
    }

    /// <summary>The work trees (folders with a .git entry) holding any of <paramref name="places"/>.</summary>
    private static IEnumerable<string> Repositories(IEnumerable<string> places) =>
        places.Select(place => Canonical(place)).Select(place =>
        {
            for (var folder = Directory.Exists(place) ? place : Path.GetDirectoryName(place); folder is not null; folder = Path.GetDirectoryName(folder))
                if (Path.Exists(Path.Combine(folder, ".git"))) return folder;
            return null;
        }).OfType<string>().Distinct();
}
