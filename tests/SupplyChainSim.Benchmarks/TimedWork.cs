using System.Diagnostics;

namespace SupplyChainSim.Benchmarks;

/// <summary>Wall seconds, this process's processor seconds (every thread, the collector's included) and methods the JIT compiled.</summary>
internal readonly record struct TimedWork(double Seconds, double CpuSeconds, long MethodsCompiled)
{
    public static readonly TimedWork Zero = new(0, 0, 0);

    public static TimedWork operator +(TimedWork a, TimedWork b) => new(a.Seconds + b.Seconds, a.CpuSeconds + b.CpuSeconds, a.MethodsCompiled + b.MethodsCompiled);

    public static async Task<TimedWork> RunAsync(Func<Task> work)
    {
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var methods = System.Runtime.JitInfo.GetCompiledMethodCount();
        var clock = Stopwatch.StartNew();
        await work();
        var seconds = clock.Elapsed.TotalSeconds;
        process.Refresh();
        return new(seconds, (process.TotalProcessorTime - cpu).TotalSeconds, System.Runtime.JitInfo.GetCompiledMethodCount() - methods);
    }
}
