using Microsoft.Extensions.Logging;

namespace SupplyChainSim.Runs;

/// <summary>
/// Holds back Orleans' logs below critical while a host starts (<see cref="SimulationHost.Configure"/>): a start that
/// fails is the command's to report, in one line, and Orleans would log it at each stage of its start-up with a stack
/// trace. From <see cref="Started"/> on, its warnings and errors show as the logging rules say.
/// </summary>
public sealed class StartupLogs
{
    private volatile bool started;

    public StartupLogs Started()
    {
        started = true;
        return this;
    }

    public bool Shows(string? category, LogLevel level) =>
        started || level >= LogLevel.Critical || category is null || !category.StartsWith("Orleans", StringComparison.Ordinal);
}
