using SupplyChainSim.Cli.OutputFolders;
using SupplyChainSim.Runs;

namespace SupplyChainSim.Cli;

/// <summary>
/// The end of a worker silo that has left the cluster without being asked to: the cluster declared it dead (it did not
/// answer the other silos' probes in time: frozen, suspended, starved or cut off), or Redis no longer holds its
/// membership entry (Redis restarted without its data). Neither can be undone by the silo: Orleans would end the process
/// with a stack trace, or keep it running outside any cluster. This says why in one line on standard error and exits at
/// once with code 1, so that a supervisor (systemd's Restart=on-failure) starts a new silo, which joins afresh. Orleans
/// calls it as the silo's fatal error handler; <see cref="SiloMembershipWatch"/> calls it when Redis lost the entry.
/// </summary>
internal sealed class SiloEviction : IFatalErrorHandler
{
    public const int ExitCode = ExitCodes.Failure;

    private readonly ILocalSiloDetails silo;
    private int exiting;

    public SiloEviction(ILocalSiloDetails silo) => this.silo = silo;

    /// <summary>Why a silo the membership declared dead stops.</summary>
    public const string DeclaredDead = "the cluster declared it dead (it did not answer the other silos' probes in time: frozen, suspended, " +
        "starved of CPU or cut off), and its grains are back on the other silos";

    public bool IsUnexpected(Exception exception) => true;

    public void OnFatalException(object? sender, string? context, Exception? exception) =>
        Exit(context?.Contains("I have been told I am dead", StringComparison.Ordinal) == true
            ? DeclaredDead
            : $"a fatal error in the Orleans runtime: {context?.Split('\n')[0]}{(exception is null ? "" : ": " + ClusterFailures.Describe(exception))}");

    /// <summary>Prints why the silo stops and ends the process (exit code 1); never returns.</summary>
    public void Exit(string why)
    {
        if (Interlocked.Exchange(ref exiting, 1) == 0)
        {
            Console.Error.WriteLine(TerminalText.Safe($"supplychainsim: silo {silo.SiloAddress.Endpoint} stops: {why}. Start it again to rejoin the cluster (exit {ExitCode})."));
            Console.Error.Flush();
            Console.Out.Flush();
            Posix.ExitNow(ExitCode);
        }
        Thread.Sleep(Timeout.Infinite);
    }
}
