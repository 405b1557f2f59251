using System.Globalization;
using System.Text;

namespace SupplyChainSim.Cli.OutputFolders;

/// <summary>
/// The lock on an output folder: a file beside it (<c>.&lt;name&gt;.lock</c>) holding the owner's process id, locked
/// for as long as a run may write the folder. The operating system drops the lock when the process dies, however it
/// dies, so a crashed run never leaves the folder locked; the file itself is reused, and removed by the next run.
/// </summary>
internal sealed class OutputLock : IDisposable
{
    // A byte far past the pid: locked, it marks ownership without stopping others from reading who holds it.
    private const long Region = 1L << 40;

    private readonly string path;
    private FileStream? held;
    private FileStream? check;

    private OutputLock(string path, FileStream held, FileStream? check)
    {
        this.path = path;
        this.held = held;
        this.check = check;
    }

    public static string PathFor(string folder) =>
        Path.Combine(Path.GetDirectoryName(folder)!, "." + Path.GetFileName(folder) + ".lock");

    /// <summary>Takes the lock on <paramref name="folder"/>, or throws an <see cref="IOException"/> naming the process that holds it.</summary>
    public static OutputLock Take(string folder)
    {
        var path = PathFor(folder);
        var mine = Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "\n";
        IOException Busy(int? holder) => new($"{folder} is being written by another supplychainsim run ({(holder is null ? "process unknown" : $"process {holder}")}, " +
            $"lock {path}); nothing was run or written. Wait for it to finish, or choose another --out.");
        if (OperatingSystem.IsMacOS()) return TakeExclusive(path, mine, Busy);
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
            try
            {
                stream.Lock(Region, 1);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                var holder = ReadHolder(stream);
                stream.Dispose();
                throw Busy(holder);
            }
            stream.SetLength(0);
            stream.Write(Encoding.ASCII.GetBytes(mine));
            stream.Flush();

            // A run that finished removes the file while still holding its lock, so the file locked here may already be
            // gone, or replaced by another run's: the lock counts only if the path still names the file it is on.
            // (The check stays open: closing any handle on the file would drop this process's lock.)
            FileStream? named = null;
            try
            {
                named = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                if (ReadAll(named) == mine) return new OutputLock(path, stream, named);
            }
            catch (FileNotFoundException)
            {
            }
            named?.Dispose();
            stream.Dispose();
        }
        throw new IOException($"cannot lock {path}: other runs keep taking it; nothing was run or written.");
    }

    /// <summary>
    /// macOS has no byte-range lock in .NET: the file is opened exclusively (flock), which others cannot read, so the
    /// holder's pid is not reported there.
    /// </summary>
    private static OutputLock TakeExclusive(string path, string mine, Func<int?, IOException> busy)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            throw busy(null);
        }
        stream.SetLength(0);
        stream.Write(Encoding.ASCII.GetBytes(mine));
        stream.Flush();
        return new OutputLock(path, stream, null);
    }

    private static string ReadAll(FileStream stream)
    {
        stream.Position = 0;
        var buffer = new byte[64];
        var length = stream.Read(buffer);
        return Encoding.ASCII.GetString(buffer, 0, length);
    }

    /// <summary>The holder's pid; a holder that has only just opened the file is given a moment to write it.</summary>
    private static int? ReadHolder(FileStream stream)
    {
        for (var i = 0; i < 20; i++)
        {
            if (int.TryParse(ReadAll(stream).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) return pid;
            Thread.Sleep(25);
        }
        return null;
    }

    /// <summary>Removes the lock file, then lets go of the lock (in that order, so no one can take a file about to vanish).</summary>
    public void Dispose()
    {
        if (held is null) return;
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Harmless: the next run reuses it.
        }
        check?.Dispose();
        held.Dispose();
        check = null;
        held = null;
    }
}
