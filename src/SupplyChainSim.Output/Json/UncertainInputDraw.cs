namespace SupplyChainSim.Output.Json;

/// <summary>What an uncertain input of the scenario drew for the run, by its JSON path.</summary>
internal sealed record UncertainInputDraw(string Path, double Value);
