namespace SupplyChainSim.Model.Output;

/// <summary>Writes a set of files so that a crash never leaves one half-written.</summary>
public static class AtomicFiles
{
    /// <summary>
    /// Writes every file to a temporary name in <paramref name="directory"/> first, then renames each into place.
    /// If anything fails before the renames, the temporary files are removed and earlier results stay as they were.
    /// </summary>
    public static void WriteAll(string directory, IReadOnlyDictionary<string, byte[]> files)
    {
        Directory.CreateDirectory(directory);
        var staged = new List<(string Temporary, string Final)>();
        try
        {
            foreach (var (name, bytes) in files)
            {
                var final = Path.Combine(directory, name);
                var temporary = Path.Combine(directory, "." + name + ".partial");
                using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
                {
                    stream.Write(bytes);
                    stream.Flush(flushToDisk: true);
                }
                staged.Add((temporary, final));
            }
            foreach (var (temporary, final) in staged) File.Move(temporary, final, overwrite: true);
        }
        finally
        {
            foreach (var (temporary, _) in staged)
                if (File.Exists(temporary)) File.Delete(temporary);
        }
    }
}
