using System.Text.Json;
using System.Text.Json.Serialization;
using SupplyChainSim.Model.Regimes;

namespace SupplyChainSim.Output.Json;

/// <summary>A run's regime rules as scenario files and the reports show them (<see cref="ResultFiles.RuleJson"/>: each rule's keys, nulls left out).</summary>
internal sealed class RegimeRulesJsonConverter : JsonConverter<IReadOnlyList<RegimeRule>>
{
    public override IReadOnlyList<RegimeRule> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("summary.json is written, never read back");

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<RegimeRule> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var rule in value) JsonSerializer.Serialize(writer, rule, ResultFiles.RuleJson);
        writer.WriteEndArray();
    }
}
