namespace SupplyChainSim.Model.Output;

/// <summary>Writes a set of files so that a crash or a failure never leaves one half-written, or a mix of two runs.</summary>
public static class AtomicFiles
{
    /// <summary>
    /// Writes every file to a temporary name in <paramref name="directory"/>, then swaps the whole set in: existing
    /// files are first moved aside, the new ones renamed into place, and the old ones removed. If any step fails, what
    /// was moved is put back, so the folder holds either the earlier results or the new ones, complete.
    /// </summary>
    public static void WriteAll(string directory, IReadOnlyDictionary<string, byte[]> files)
    {
        Directory.CreateDirectory(directory);
        var staged = new List<(string Temporary, string Final)>();
        var setAside = new List<(string Final, string Previous)>();
        var placed = new List<string>();
        try
        {
            foreach (var (name, bytes) in files)
            {
                var temporary = Path.Combine(directory, "." + name + ".partial");
                using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
                {
                    stream.Write(bytes);
                    stream.Flush(flushToDisk: true);
                }
                staged.Add((temporary, Path.Combine(directory, name)));
            }
            foreach (var (_, final) in staged.Where(s => File.Exists(s.Final)))
            {
                var previous = Path.Combine(directory, "." + Path.GetFileName(final) + ".previous");
                File.Move(final, previous, overwrite: true);
                setAside.Add((final, previous));
            }
            foreach (var (temporary, final) in staged)
            {
                File.Move(temporary, final);
                placed.Add(final);
            }
        }
        catch
        {
            foreach (var final in placed) File.Delete(final);
            foreach (var (final, previous) in setAside) File.Move(previous, final, overwrite: true);
            throw;
        }
        finally
        {
            foreach (var (temporary, _) in staged)
                if (File.Exists(temporary)) File.Delete(temporary);
        }
        foreach (var (_, previous) in setAside) File.Delete(previous);
    }
}
