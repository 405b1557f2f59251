using System.Runtime.InteropServices;

namespace SupplyChainSim.Cli.OutputFolders;

/// <summary>
/// The few libc calls .NET does not offer: swapping two folders in one step, flushing a folder's entries to disk,
/// the canonical path of a file, and signals for the test seams. Every caller has a plain .NET fallback.
/// </summary>
internal static partial class Posix
{
    private const string Libc = "libc";
    private const int AtCurrentDirectory = -100;
    private const uint RenameExchange = 2;
    private const int NoSystemCall = 38, InvalidArgument = 22, NotSupported = 95;

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

    /// <summary>Flushes a folder's entries (names created or renamed in it) to disk, where the platform allows; best effort.</summary>
    public static void FlushFolder(string folder)
    {
        if (OperatingSystem.IsWindows()) return;
        try
        {
            var fd = open(folder, 0);
            if (fd < 0) return;
            fsync(fd);
            close(fd);
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

    [LibraryImport(Libc, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int renameat2(int oldDirectory, string oldPath, int newDirectory, string newPath, uint flags);

    [LibraryImport(Libc, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int open(string path, int flags);

    [LibraryImport(Libc, SetLastError = true)]
    private static partial int fsync(int fd);

    [LibraryImport(Libc, SetLastError = true)]
    private static partial int close(int fd);

    [LibraryImport(Libc, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr realpath(string path, IntPtr resolved);

    [LibraryImport(Libc)]
    private static partial void free(IntPtr pointer);

    [LibraryImport(Libc, SetLastError = true)]
    private static partial int kill(int pid, int signal);
}
