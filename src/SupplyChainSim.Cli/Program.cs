using System.CommandLine;
using Spectre.Console;
using SupplyChainSim.Cli;

// The `supplychainsim` command. Exit codes: 0 success, 1 failure while running, 2 invalid input.
var console = AnsiConsole.Console;
// Month lines are meant to be read by scripts too: never wrap them at a guessed width when output is redirected.
if (Console.IsOutputRedirected) console.Profile.Width = 250;
var root = Commands.Build(console);
var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    foreach (var error in parsed.Errors) Console.Error.WriteLine($"supplychainsim: {error.Message}");
    Console.Error.WriteLine("Try 'supplychainsim --help'.");
    return ExitCodes.InvalidInput;
}
return await parsed.InvokeAsync();
