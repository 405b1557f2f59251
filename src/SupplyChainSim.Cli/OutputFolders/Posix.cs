using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace SupplyChainSim.Cli.OutputFolders;

/// <summary>
/// The few libc calls .NET does not offer: swapping two folders in one step, flushing a file or a folder's entries to
/// disk with the disk's errors reported, the canonical path of a file, ending the process at once, and signals for the
/// test seams. Every caller has a plain .NET fallback.
/// </summary>
internal static partial class Posix
{
    private const string Libc = "libc";
    private const int AtCurrentDirectory = -100;
    private const uint RenameExchange = 2;
    private const int NoSystemCall = 38, InvalidArgument = 22, NotSupported = 95;

    /// <summary>errno values the test seam can inject into a flush (Linux numbering).</summary>
    public static readonly IReadOnlyDictionary<string, int> FlushErrors = new Dictionary<string, int>(StringComparer.Ordinal) { ["EIO"] = 5, ["ENOSPC"] = 28 };

    /// <summary>What <see cref="Exchange"/> did.</summary>
    public enum ExchangeResult { Exchanged, Unsupported }

    /// <summary>
    /// Swaps two existing paths atomically: renameat2(RENAME_EXCHANGE), Linux 3.15 and later. Unsupported where the
    /// kernel, the C library or the file system lacks it; any other failure is an <see cref="IOException"/>.
    /// </summary>
    public static ExchangeResult Exchange(string a, string b)
    {
        if (!OperatingSystem.IsLinux()) return ExchangeResult.Unsupported;
        int result;
        try
        {
            result = renameat2(AtCurrentDirectory, a, AtCurrentDirectory, b, RenameExchange);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return ExchangeResult.Unsupported;
        }
        if (result == 0) return ExchangeResult.Exchanged;
        var errno = Marshal.GetLastPInvokeError();
        if (errno is NoSystemCall or InvalidArgument or NotSupported) return ExchangeResult.Unsupported;
        throw new IOException($"cannot swap {b} with {a}: {Marshal.GetPInvokeErrorMessage(errno)}");
    }

    /// <summary>
    /// Writes a file's data to disk (fsync), or throws the <see cref="IOException"/> the disk's error makes. .NET's own
    /// Flush(flushToDisk: true) takes a failed fsync for a successful one on Linux, so a set the disk lost (EIO, ENOSPC)
    /// would be reported written; this reads fsync's result itself. A file system that cannot sync a file (EINVAL) is
    /// not an error.
    /// </summary>
    public static void FlushToDisk(FileStream stream)
    {
        stream.Flush();
        if (OperatingSystem.IsWindows())
        {
            stream.Flush(flushToDisk: true);
            return;
        }
        int result;
        try
        {
            result = fsync(stream.SafeFileHandle);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            stream.Flush(flushToDisk: true);
            return;
        }
        if (result != 0 && Marshal.GetLastPInvokeError() is var errno and not (InvalidArgument or NotSupported)) throw FlushFailed(stream.Name, errno);
    }

    /// <summary>What a failed fsync of <paramref name="path"/> with <paramref name="errno"/> throws (the test seam's injected failure too).</summary>
    public static IOException FlushFailed(string path, int errno) =>
        new($"the disk failed to write {path}: {Marshal.GetPInvokeErrorMessage(errno)} (fsync)");

    /// <summary>
    /// Flushes a folder's entries (names created or renamed in it) to disk, where the platform allows: a folder that
    /// cannot be opened or synced is skipped, but an error of the disk itself (EIO, ENOSPC) is thrown.
    /// </summary>
    public static void FlushFolder(string folder)
    {
        if (OperatingSystem.IsWindows()) return;
        try
        {
            var fd = open(folder, 0);
            if (fd < 0) return;
            var result = fsync(fd);
            var errno = Marshal.GetLastPInvokeError();
            close(fd);
            if (result != 0 && errno is not (InvalidArgument or NotSupported)) throw FlushFailed(folder, errno);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
        }
    }

    /// <summary>The path with every symbolic link resolved (realpath), or null where that cannot be done.</summary>
    public static string? RealPath(string path)
    {
        if (OperatingSystem.IsWindows()) return null;
        try
        {
            var resolved = realpath(path, IntPtr.Zero);
            if (resolved == IntPtr.Zero) return null;
            try
            {
                return Marshal.PtrToStringUTF8(resolved);
            }
            finally
            {
                free(resolved);
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Sends a signal to this process (the test seams' Ctrl+C).</summary>
    public static void SignalSelf(int signal) => kill(Environment.ProcessId, signal);

    /// <summary>
    /// Ends the process now with <paramref name="code"/> (_exit): no shutdown of the host, which a silo the cluster has
    /// already given up cannot finish. What was written to the console has been flushed by the caller.
    /// </summary>
    public static void ExitNow(int code)
    {
        if (!OperatingSystem.IsWindows())
        {
            try
            {
                ExitProcess(code);
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
            }
        }
        Environment.Exit(code);
    }

    [LibraryImport(Libc, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int renameat2(int oldDirectory, string oldPath, int newDirectory, string newPath, uint flags);

    [LibraryImport(Libc, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int open(string path, int flags);

    [LibraryImport(Libc, SetLastError = true)]
    private static partial int fsync(int fd);

    [LibraryImport(Libc, SetLastError = true)]
    private static partial int fsync(SafeFileHandle fd);

    [LibraryImport(Libc, EntryPoint = "_exit")]
    private static partial void ExitProcess(int status);

    [LibraryImport(Libc, SetLastError = true)]
    private static partial int close(int fd);

    [LibraryImport(Libc, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr realpath(string path, IntPtr resolved);

    [LibraryImport(Libc)]
    private static partial void free(IntPtr pointer);

    [LibraryImport(Libc, SetLastError = true)]
    private static partial int kill(int pid, int signal);
}
