using System.Text.Json.Serialization;
using SupplyChainSim.Model.Scenarios;

namespace SupplyChainSim.Cli.OutputFolders;

/// <summary>A scenario of the run: its label and file, each --set as given, its world seed, its inputs, and the scenario as resolved.</summary>
internal sealed record ManifestScenario(
    string Label, string File, IReadOnlyList<string> Set, ulong WorldSeed, IReadOnlyList<ManifestInput> Inputs,
    [property: JsonConverter(typeof(ScenarioSpecJsonConverter))] ScenarioSpec Resolved);
