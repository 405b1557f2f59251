namespace SupplyChainSim.Cli.OutputFolders;

/// <summary>
/// Test seams at the named steps of <see cref="OutputSet.Commit"/>, set from the environment by the CLI only:
/// SUPPLYCHAINSIM_TEST_KILL_AT=&lt;step&gt; kills the process there (SIGKILL: no cleanup of any kind runs),
/// SUPPLYCHAINSIM_TEST_FAIL_AT=&lt;step&gt; throws the IOException a full disk would,
/// SUPPLYCHAINSIM_TEST_INTERRUPT_AT=&lt;step&gt; presses Ctrl+C (SIGINT) and waits until the command has seen it,
/// SUPPLYCHAINSIM_TEST_NO_EXCHANGE=1 commits with the two-rename fallback where the one-step swap is available,
/// SUPPLYCHAINSIM_TEST_FSYNC_FAIL=&lt;file&gt;:&lt;EIO|ENOSPC&gt; fails the flush of that file of the set to disk as the disk would,
/// and SUPPLYCHAINSIM_TEST_STREAM_TO_FULL_DISK=1 writes the files streamed as the run goes to /dev/full (Linux), which
/// fails every write with ENOSPC as a full disk does.
/// </summary>
internal sealed class CommitSteps(string? killAt = null, string? failAt = null, string? interruptAt = null, bool noExchange = false,
    CancellationToken interrupted = default, string? fsyncFail = null, bool streamToFullDisk = false)
{
    public static readonly CommitSteps None = new();

    public bool NoExchange => noExchange;

    public static CommitSteps FromEnvironment(CancellationToken interrupted)
    {
        static string? Read(string name) => Environment.GetEnvironmentVariable("SUPPLYCHAINSIM_TEST_" + name) is { Length: > 0 } value ? value : null;
        return new CommitSteps(Read("KILL_AT"), Read("FAIL_AT"), Read("INTERRUPT_AT"), Read("NO_EXCHANGE") == "1", interrupted, Read("FSYNC_FAIL"),
            Read("STREAM_TO_FULL_DISK") == "1");
    }

    /// <summary>Opens a file of the set that is written as the run goes, at <paramref name="path"/> (or on the seam's full disk).</summary>
    public FileStream OpenStreamed(string path) => streamToFullDisk
        ? new FileStream("/dev/full", FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 1 << 16)
        : new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 16);

    /// <summary>Writes a file of the set to disk (<see cref="Posix.FlushToDisk"/>), or fails as the seam says.</summary>
    public void FlushToDisk(FileStream stream, string name)
    {
        if (fsyncFail?.Split(':') is [var file, var error] && file == name && Posix.FlushErrors.TryGetValue(error, out var errno))
        {
            stream.Flush();
            throw Posix.FlushFailed(stream.Name, errno);
        }
        Posix.FlushToDisk(stream);
    }

    public void At(string step)
    {
        if (step == killAt)
        {
            Console.Out.Flush();
            System.Diagnostics.Process.GetCurrentProcess().Kill();
            Thread.Sleep(Timeout.Infinite);
        }
        if (step == failAt) throw new IOException($"No space left on device (injected at commit step '{step}')");
        if (step == interruptAt)
        {
            Posix.SignalSelf(2);
            interrupted.WaitHandle.WaitOne(TimeSpan.FromSeconds(10));
        }
    }
}
