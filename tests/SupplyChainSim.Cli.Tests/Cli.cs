using System.Diagnostics;
using System.Text;

namespace SupplyChainSim.Cli.Tests;

/// <summary>Runs the real `supplychainsim` program (built beside the tests) as a separate process.</summary>
public static class Cli
{
    public sealed record Result(int ExitCode, string Out, string Error);

    public static Task<Result> RunAsync(params string[] args) => RunAsync(new Options(), args);

    /// <summary>Where the program runs and what it finds in its environment (the test seams).</summary>
    public sealed record Options(string? WorkingDirectory = null, IReadOnlyDictionary<string, string>? Environment = null);

    public static async Task<Result> RunAsync(Options options, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = options.WorkingDirectory ?? Paths.Root,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "supplychainsim.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (name, value) in options.Environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await output, await error);
    }
}

/// <summary>The real program in a process whose output is read line by line while it runs.</summary>
public sealed class LiveProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly List<string> lines = [];

    private LiveProcess(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, e) => Add(e.Data);
        process.ErrorDataReceived += (_, e) => Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Id => process.Id;

    public string Output
    {
        get
        {
            lock (lines) return output.ToString();
        }
    }

    public static LiveProcess Start(params string[] args) => Start(null, args);

    /// <param name="environment">What the program finds in its environment besides this one's.</param>
    public static LiveProcess Start(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Paths.Root };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "supplychainsim.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        return new LiveProcess(Process.Start(start)!);
    }

    public async Task<string> WaitForLineAsync(string prefix, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            lock (lines)
            {
                if (lines.FirstOrDefault(l => l.Contains(prefix, StringComparison.Ordinal)) is { } line) return line;
            }
            if (process.HasExited) break;
            await Task.Delay(50);
        }
        throw new TimeoutException($"no line with '{prefix}' from the program\n{Output}");
    }

    /// <summary>The exit code, once the program ends by itself; past the timeout, what it printed so far.</summary>
    public async Task<int> ExitCodeAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"the program was still running after {timeout.TotalSeconds:0} s\n{Output}");
        }
        return process.ExitCode;
    }

    /// <summary>kill -9: the process goes at once, as a crashed machine's would, with nothing cleaned up.</summary>
    public async Task KillAsync()
    {
        process.Kill(entireProcessTree: false);
        await process.WaitForExitAsync();
    }

    /// <summary>Sends a signal by name (STOP freezes the process as a long pause or a suspended machine would; CONT thaws it).</summary>
    public async Task SignalAsync(string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
        Assert.True(kill.ExitCode == 0, $"kill -{signal} {process.Id} failed");
    }

    /// <summary>Ctrl+C, as a person at the terminal would: SIGINT, then the exit code.</summary>
    public async Task<int> InterruptAsync()
    {
        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }

    private void Add(string? line)
    {
        if (line is null) return;
        lock (lines)
        {
            lines.Add(line);
            output.AppendLine(line);
        }
    }
}
