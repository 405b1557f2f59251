using System.Runtime.InteropServices;

namespace SupplyChainSim.ScenarioFiles;

/// <summary>
/// What kind of file a path names, after following symbolic links, found without opening it: opening a FIFO blocks
/// until someone writes to it, and a device such as /dev/zero reports a length of 0 however much it yields.
/// </summary>
internal static class RegularFile
{
    /// <summary>What the path is when it is not a regular file ("a FIFO (named pipe)"); null for a regular file or
    /// where the kind cannot be told (then reading is still capped).</summary>
    public static string? NotRegular(string path)
    {
        if (!OperatingSystem.IsLinux()) return null;
        var buffer = new byte[StatxSize];
        try
        {
            if (Statx(AtCurrentDirectory, path, 0, StatxType, buffer) != 0) return null;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null; // a C library without statx (glibc before 2.28): the read below is capped anyway
        }
        // struct statx: stx_mode is the unsigned 16-bit field at byte 28 on every Linux architecture.
        return (BitConverter.ToUInt16(buffer, 28) & 0xF000) switch
        {
            0x8000 => null,
            0x4000 => "a directory",
            0x2000 => "a character device",
            0x6000 => "a block device",
            0x1000 => "a FIFO (named pipe)",
            0xC000 => "a socket",
            _ => "not a regular file",
        };
    }

    private const int AtCurrentDirectory = -100;
    private const uint StatxType = 0x1;
    private const int StatxSize = 256;

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);
}
