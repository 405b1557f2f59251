using System.Text.Json.Serialization;

namespace SupplyChainSim.Output.Json;

/// <summary>
/// How the run's JSON files are written: camelCase keys in the records' order, indented by two spaces with "\n" line
/// ends, every key present (null where there is nothing) unless a record says otherwise, and the default encoder,
/// which escapes HTML-sensitive and non-ASCII characters.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true, NewLine = "\n")]
[JsonSerializable(typeof(SummaryFile))]
[JsonSerializable(typeof(IEnumerable<BreachEntry>))]
internal sealed partial class OutputJson : JsonSerializerContext;
