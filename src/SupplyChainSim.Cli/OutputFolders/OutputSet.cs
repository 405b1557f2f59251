using System.Globalization;
using System.Text.Json;
using SupplyChainSim.Output;
using SupplyChainSim.Reports;

namespace SupplyChainSim.Cli.OutputFolders;

/// <summary>
/// An output folder claimed for one run, and its results switched in as one whole set.
/// <para>
/// Claiming checks the folder may be written (<see cref="OutputFolderRules"/>), takes its lock (<see cref="OutputLock"/>),
/// finishes or removes what a crashed run left beside it, and refuses a folder holding anything but an earlier output
/// set. Committing writes the new set into a hidden sibling folder, <c>.&lt;name&gt;.new-&lt;pid&gt;</c>, then swaps it
/// with the output folder in one rename (renameat2 RENAME_EXCHANGE) and removes the old set, now at the sibling's name.
/// Without that rename (another OS, an old kernel, a file system lacking it) the sibling is renamed
/// <c>.ready-&lt;pid&gt;</c> once whole (the commit marker), the folder is moved aside to <c>.old-&lt;pid&gt;</c> and the
/// ready set moved in; a crash between those two renames is completed by the next claim. Either way every crash leaves
/// the old set or the new one, whole, once the next run has started.
/// </para>
/// </summary>
internal sealed class OutputSet : IDisposable
{
    public const string ManifestName = "manifest.json";

    /// <summary>The steps of a commit with the one-step swap, in order (the test seams' names).</summary>
    public static readonly IReadOnlyList<string> ExchangeSteps = ["writing", "staged", "switched", "removing-old", "committed"];

    /// <summary>The steps of a commit with the two-rename fallback, in order.</summary>
    public static readonly IReadOnlyList<string> FallbackSteps = ["writing", "staged", "marked", "moved-aside", "switched", "removing-old", "committed"];

    private const string Writing = "new", Ready = "ready", Old = "old";

    private readonly OutputLock held;
    private readonly CommitSteps steps;
    private readonly List<(string Name, FileStream Stream)> streamed = [];
    private bool staged;

    private OutputSet(string folder, OutputLock held, CommitSteps steps)
    {
        Folder = folder;
        this.held = held;
        this.steps = steps;
    }

    /// <summary>The output folder's canonical path: the folder that is replaced.</summary>
    public string Folder { get; }

    private string Parent => Path.GetDirectoryName(Folder)!;

    private string Name => Path.GetFileName(Folder);

    /// <summary>
    /// Claims <paramref name="folder"/> for a run whose input files are <paramref name="inputs"/>: refused (exit 2)
    /// if it may not be replaced, busy (an <see cref="IOException"/>, exit 1) if another run holds it. Nothing is written
    /// but the lock file; what a crashed run left beside the folder is completed or removed.
    /// </summary>
    public static OutputSet Claim(string folder, IEnumerable<string> inputs, CommitSteps? steps = null)
    {
        var target = OutputFolderRules.Check(folder, inputs);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var held = OutputLock.Take(target);
        var set = new OutputSet(target, held, steps ?? CommitSteps.None);
        try
        {
            set.Recover();
            set.EnsureReplaceable("Nothing was run or written.");
        }
        catch
        {
            held.Dispose();
            throw;
        }
        return set;
    }

    /// <summary>
    /// Opens a file of the new set for writing as the run goes (licences.csv, too large to hold): it is written into the
    /// hidden staging folder, and switched in by <see cref="Commit"/> with the rest of the set. A set never committed
    /// (a failure, Ctrl+C) is removed, this file with it, when the set is disposed; a crash leaves it hidden, and the
    /// next claim of the folder removes it.
    /// </summary>
    public Stream Stream(string name)
    {
        var staging = Sibling(Writing, Environment.ProcessId);
        if (!staged)
        {
            Remove(staging);
            Directory.CreateDirectory(staging);
            if (!OperatingSystem.IsWindows() && Directory.Exists(Folder)) File.SetUnixFileMode(staging, File.GetUnixFileMode(Folder));
            staged = true;
        }
        var stream = steps.OpenStreamed(Path.Combine(staging, name));
        streamed.Add((name, stream));
        return stream;
    }

    /// <summary>
    /// Closes the files written as the run went (<see cref="Stream"/>) and gives their sizes and SHA-256, read back from
    /// the disk, for the manifest. The writers on them must have flushed.
    /// </summary>
    public IReadOnlyList<(string Name, long Bytes, string Sha256)> CloseStreamed()
    {
        var staging = Sibling(Writing, Environment.ProcessId);
        var facts = new List<(string, long, string)>();
        try
        {
            foreach (var (name, stream) in streamed.OrderBy(s => s.Name, StringComparer.Ordinal))
            {
                steps.FlushToDisk(stream, name);
                stream.Dispose();
                using var written = new FileStream(Path.Combine(staging, name), FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 20);
                facts.Add((name, written.Length, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(written))));
            }
        }
        catch (IOException e)
        {
            throw NotWritten(e);
        }
        return facts;
    }

    /// <summary>
    /// Replaces the folder's contents with exactly <paramref name="files"/> and the files streamed into the set, in one
    /// step, and lets go of the folder. Any failure before the switch removes the new set and leaves the earlier one as it was.
    /// </summary>
    public void Commit(IReadOnlyDictionary<string, byte[]> files)
    {
        // Checked again: a file put into the folder while the run went on is not lost either.
        EnsureReplaceable("The results were not written.");
        var staging = Sibling(Writing, Environment.ProcessId);
        try
        {
            foreach (var (_, stream) in streamed) stream.Dispose();
            Stage(staging, files);
        }
        catch (Exception e)
        {
            Remove(staging);
            throw NotWritten(e);
        }

        if (!Directory.Exists(Folder))
        {
            Switch(() => Directory.Move(staging, Folder), staging);
            FlushSwitched();
            steps.At("switched");
        }
        else if (!steps.NoExchange && Swap(staging) == Posix.ExchangeResult.Exchanged)
        {
            FlushSwitched();
            steps.At("switched");
            RemoveOld(staging);
        }
        else
        {
            CommitByRenames(staging);
        }
        staged = false;
        steps.At("committed");
        held.Dispose();
    }

    /// <summary>Lets go of the folder; a set begun (<see cref="Stream"/>) and never committed is removed, so nothing of it is left.</summary>
    public void Dispose()
    {
        try
        {
            foreach (var (_, stream) in streamed)
            {
                try
                {
                    stream.Dispose();
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // A full disk fails the last write of a file being streamed: the file is unfinished and goes with the set.
                }
            }
            streamed.Clear();
            if (staged)
            {
                staged = false;
                try
                {
                    Remove(Sibling(Writing, Environment.ProcessId));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    Console.Error.WriteLine($"supplychainsim: warning: could not remove the unfinished results beside {Folder} ({e.Message}); the next run there removes them.");
                }
            }
        }
        finally
        {
            held.Dispose();
        }
    }

    /// <summary>A failure before the switch: the new set is not written (the caller removes it), the old one is as it was.</summary>
    private IOException NotWritten(Exception e) => new($"could not write the results to {Folder}: {e.Message}; " +
        (Directory.Exists(Folder) ? "the earlier results there are as they were." : "nothing was left there."), e);

    /// <summary>
    /// Makes the switch durable. The new set is in place by now, so a disk error here cannot keep the old one: it is
    /// reported as a failure all the same, since a crash of the machine could still lose the switch.
    /// </summary>
    private void FlushSwitched()
    {
        try
        {
            Posix.FlushFolder(Parent);
        }
        catch (IOException e)
        {
            throw new IOException($"the results were switched in to {Folder}, but {e.Message}: a crash of this machine could still lose them.", e);
        }
    }

    private void Stage(string staging, IReadOnlyDictionary<string, byte[]> files)
    {
        // Files streamed as the run went are in the staging folder already; the rest join them.
        if (!staged)
        {
            Remove(staging);
            Directory.CreateDirectory(staging);
            if (!OperatingSystem.IsWindows() && Directory.Exists(Folder)) File.SetUnixFileMode(staging, File.GetUnixFileMode(Folder));
        }
        foreach (var (name, bytes) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            using (var stream = new FileStream(Path.Combine(staging, name), FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                steps.FlushToDisk(stream, name);
            }
            steps.At("writing");
        }
        Posix.FlushFolder(staging);
        steps.At("staged");
    }

    private Posix.ExchangeResult Swap(string staging)
    {
        try
        {
            return Posix.Exchange(staging, Folder);
        }
        catch (IOException)
        {
            Remove(staging);
            throw;
        }
    }

    /// <summary>The fallback: two renames, with the ready sibling as the commit marker for <see cref="Recover"/>.</summary>
    private void CommitByRenames(string staging)
    {
        var ready = Sibling(Ready, Environment.ProcessId);
        var old = Sibling(Old, Environment.ProcessId);
        Switch(() => Directory.Move(staging, ready), staging);
        Switch(() => Posix.FlushFolder(Parent), ready);
        steps.At("marked");
        Switch(() => Directory.Move(Folder, old), ready);
        steps.At("moved-aside");
        try
        {
            Directory.Move(ready, Folder);
        }
        catch
        {
            Directory.Move(old, Folder);
            Remove(ready);
            throw;
        }
        FlushSwitched();
        steps.At("switched");
        RemoveOld(old);
    }

    /// <summary>A rename that, failing, removes the new set (at <paramref name="newSet"/>) and leaves the old one in place.</summary>
    private static void Switch(Action rename, string newSet)
    {
        try
        {
            rename();
        }
        catch
        {
            Remove(newSet);
            throw;
        }
    }

    /// <summary>Removes the replaced set; the new one is in place, so a failure here is only reported, and the next run retries.</summary>
    private void RemoveOld(string old)
    {
        try
        {
            var first = true;
            foreach (var file in Directory.EnumerateFileSystemEntries(old).Order(StringComparer.Ordinal).ToList())
            {
                if (Directory.Exists(file)) Directory.Delete(file, recursive: true);
                else File.Delete(file);
                if (first) steps.At("removing-old");
                first = false;
            }
            Directory.Delete(old);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"supplychainsim: warning: the results are in {Folder}, but the earlier ones could not be removed from {old} ({e.Message}); the next run there removes them.");
        }
    }

    /// <summary>
    /// What crashed runs left beside the folder (nobody else holds the lock, so no live run owns any of it): a whole new
    /// set waiting to be switched in is switched in if the folder is missing, else dropped; an old set moved aside is
    /// put back if the folder is missing, else dropped; sets being written are dropped.
    /// </summary>
    private void Recover()
    {
        var leftovers = Directory.EnumerateDirectories(Parent, "." + Name + ".*")
            .Select(path => (Path: path, Kind: KindOf(Path.GetFileName(path))))
            .Where(s => s.Kind is not null)
            .OrderBy(s => s.Path, StringComparer.Ordinal)
            .ToList();
        foreach (var kind in new[] { Ready, Old, Writing })
            foreach (var (path, _) in leftovers.Where(s => s.Kind == kind))
            {
                if (kind != Writing && !Directory.Exists(Folder))
                {
                    Directory.Move(path, Folder);
                    Posix.FlushFolder(Parent);
                    Console.Error.WriteLine($"supplychainsim: {(kind == Ready ? "completed the switch to the results of a run that crashed" : "restored the results a crashed run had moved aside")} in {Folder}");
                }
                else
                {
                    Remove(path);
                }
            }
    }

    /// <summary>"new", "ready" or "old" for a sibling named .&lt;name&gt;.&lt;kind&gt;-&lt;pid&gt;, else null.</summary>
    private string? KindOf(string sibling)
    {
        var prefix = "." + Name + ".";
        if (!sibling.StartsWith(prefix, StringComparison.Ordinal)) return null;
        var rest = sibling[prefix.Length..];
        var dash = rest.LastIndexOf('-');
        if (dash < 0 || !int.TryParse(rest[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out _)) return null;
        var kind = rest[..dash];
        return kind is Writing or Ready or Old ? kind : null;
    }

    private string Sibling(string kind, int pid) => Path.Combine(Parent, $".{Name}.{kind}-{pid.ToString(CultureInfo.InvariantCulture)}");

    private static void Remove(string folder)
    {
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }

    /// <summary>
    /// Refuses a folder that holds anything but an earlier output set: one whose manifest.json lists every file in it,
    /// or, from before manifests, nothing but files this tool writes. Nothing a user put there is replaced.
    /// </summary>
    private void EnsureReplaceable(string consequence)
    {
        if (!Directory.Exists(Folder)) return;
        var entries = new DirectoryInfo(Folder).EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
        if (entries.Count == 0) return;
        var ours = OutputsListedIn(Path.Combine(Folder, ManifestName)) ?? KnownNames;
        var strangers = entries.Where(e => e is not FileInfo || e.LinkTarget is not null || !ours.Contains(e.Name)).Select(e => e.Name).ToList();
        if (strangers.Count == 0) return;
        throw new OutputFolderRefusedException($"--out {Folder}: holds {Describe(strangers)} that no earlier run of supplychainsim wrote there " +
            $"(only an empty folder or an earlier output set is replaced); move them, or choose another folder. {consequence}");
    }

    private static string Describe(List<string> names) =>
        (names.Count == 1 ? "" : $"{names.Count} entries, ") + string.Join(", ", names.Take(5)) + (names.Count > 5 ? ", ..." : "");

    /// <summary>The files a manifest.json of this tool lists, with itself; null when there is no such manifest.</summary>
    private static HashSet<string>? OutputsListedIn(string manifest)
    {
        if (!File.Exists(manifest)) return null;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(manifest));
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("tool", out var tool) || tool.GetString() != RunManifest.Tool) return null;
            var names = new HashSet<string>(StringComparer.Ordinal) { ManifestName };
            foreach (var output in root.GetProperty("outputs").EnumerateArray()) names.Add(output.GetProperty("file").GetString()!);
            return names;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Every file name supplychainsim has written into an output folder, and the hidden leftovers of its writer before manifests.</summary>
    private static readonly HashSet<string> KnownNames = BuildKnownNames();

    private static HashSet<string> BuildKnownNames()
    {
        string[] names = [.. ResultFiles.Names, ResultFiles.ReplicationsCsv, RunReport.FileName, ComparisonReport.CsvName, ComparisonReport.HtmlName,
            SweepReport.CsvName, SweepReport.HtmlName];
        return new HashSet<string>(names.Concat(names.Select(n => "." + n + ".partial")).Concat(names.Select(n => "." + n + ".previous")), StringComparer.Ordinal);
    }
}
