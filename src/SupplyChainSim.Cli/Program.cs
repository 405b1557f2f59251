using System.CommandLine;
using Spectre.Console;
using SupplyChainSim.Cli;
using SupplyChainSim.Cli.OutputFolders;
using SupplyChainSim.Runs;

// The `supplychainsim` command. Exit codes: 0 success, 1 failure while running, 2 invalid input.
// A Redis password given in --cluster is recorded as password=*** (manifest.json is shared with the results).
RunManifest.CommandLine = ClusterConnection.Redacted(args);
var console = AnsiConsole.Console;
// Month lines are meant to be read by scripts too: never wrap them at a guessed width when output is redirected.
if (Console.IsOutputRedirected) console.Profile.Width = 250;
var root = Commands.Build(console);
var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    foreach (var line in Usage.Errors(parsed)) Console.Error.WriteLine(TerminalText.Safe(line));
    return ExitCodes.InvalidInput;
}
// Ctrl+C cancels the command's token; give the silo time to stop cleanly (by default the process would report
// 130 after 2 s even when the command finished what Ctrl+C asked of it).
return await parsed.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(20) });
