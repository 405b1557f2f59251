using System.Text.Json.Serialization;

namespace SupplyChainSim.Output.Json;

/// <summary>How a line of events.jsonl is written: camelCase keys in the record's order on one line, a key left out where it has no value.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RareEarthEventLine))]
internal sealed partial class EventLinesJson : JsonSerializerContext;
