using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Spectre.Console;
using SupplyChainSim.Cli.Live;
using SupplyChainSim.Cli.OutputFolders;
using SupplyChainSim.Grains;
using SupplyChainSim.Grains.Abstractions;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Worlds;
using SupplyChainSim.Output;
using SupplyChainSim.Runs;

namespace SupplyChainSim.Cli;

/// <summary>
/// `run --dashboard`: the run on a silo that also serves the Orleans Dashboard and the live world page. Months are
/// paced for a person to follow; after the last month the results are written and the pages stay up until Ctrl+C.
/// </summary>
internal static class LiveRun
{
    public static async Task<int> RunAsync(IAnsiConsole console, ConsoleReport report, World world, string runKey, OutputSet output, RunManifest manifest,
        string outDirectory, LiveRequest request, CancellationToken cancellationToken)
    {
        if (request.Bind != "localhost" && (!IPAddress.TryParse(request.Bind, out var address) || !IPAddress.IsLoopback(address)))
            Console.Error.WriteLine($"supplychainsim: warning: the dashboard has no authentication, and --bind {request.Bind} lets anyone who can reach this machine see it.");
        var grains = new RunGrains(world, runKey);
        var live = new LiveWorld(world, grains);
        var pacing = new LivePacing(request.Pace);
        pacing.PausedChanged += live.SetPaused;
        var clock = Stopwatch.StartNew();
        await using var host = await StartAsync(request, live, pacing, grains, cancellationToken);
        console.WriteLine($"Live world:        {host.Address}");
        console.WriteLine($"Orleans Dashboard: {new Uri(host.Address!, "dashboard")}");
        console.WriteLine($"Grain state in the dashboard: a grain type such as SupplyChainSim.Grains.CountryGrain with an id such as {GrainKeys.Country(runKey, "CN")}");
        if (world.DataCentreBlocks.FirstOrDefault(b => b.Hosting == Hosting.Agent) is { } site)
            console.WriteLine(TerminalText.Safe($"  a data centre the scenario names: {typeof(DataCentreGrain).FullName}, {GrainKeys.DataCentres(runKey, site)}; the live page links each breach to its grains"));
        console.WriteLine($"Pacing: {request.Pace.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms a month (the live page can pause, resume and step it); Ctrl+C stops.");
        console.WriteLine();
        report.MonthHeader();
        try
        {
            RunResults results;
            using (var licences = new LicenceLog(output.Stream(ResultFiles.LicencesCsv)))
                results = await host.RunAsync(world, runKey, async (month, token) =>
                {
                    report.Month(month);
                    live.Record(month);
                    if (month.Month != world.Context.End) await pacing.WaitAsync(token);
                }, cancellationToken, licences);
            RunOutputs.Write(results, output, manifest);
            live.Finish(outDirectory);
            report.Summary(results, outDirectory, clock.Elapsed);
            if (cancellationToken.IsCancellationRequested) return Commands.Written(outDirectory, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            live.Fail();
            throw;
        }
        console.WriteLine();
        console.WriteLine($"The run is over; still serving {host.Address} until Ctrl+C.");
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
        return ExitCodes.Success;
    }

    private static async Task<SimulationHost> StartAsync(LiveRequest request, LiveWorld live, LivePacing pacing, RunGrains grains, CancellationToken cancellationToken)
    {
        try
        {
            return await LiveHost.StartAsync(request, live, pacing, grains, cancellationToken);
        }
        catch (IOException e)
        {
            // Kestrel reports a taken port as "Failed to bind to address ...: address already in use."
            throw new IOException($"{e.Message} Choose another port with --port (0 picks a free one).", e);
        }
        catch (SocketException e)
        {
            // An address this machine does not have ("Cannot assign requested address").
            throw new IOException($"--bind {request.Bind}: cannot listen on port {request.Port} there: {e.Message}. " +
                "Give an address of this machine (127.0.0.1 for this machine only, 0.0.0.0 for every network it is on).", e);
        }
    }
}
