using Spectre.Console;

namespace SupplyChainSim.Cli.Tests;

/// <summary>A console writing to a StringWriter as the program writes to redirected output: no colours, 250 columns (Program).</summary>
internal static class RedirectedConsole
{
    public static IAnsiConsole Into(StringWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Interactive = InteractionSupport.No });
        console.Profile.Width = 250;
        return console;
    }
}
