
namespace SupplyChainSim.Cli;

/// <summary>A command-line option whose value the command cannot use: reported at the option, never blamed on a scenario.</summary>
internal sealed class OptionException(string option, string message) : Exception($"{option}: {message}");
