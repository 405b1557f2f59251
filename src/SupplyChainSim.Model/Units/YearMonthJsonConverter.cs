using System.Text.Json;
using System.Text.Json.Serialization;

namespace SupplyChainSim.Model.Units;

/// <summary>A month as "YYYY-MM"; public so that source-generated serializers in other assemblies can create it.</summary>
public sealed class YearMonthJsonConverter : JsonConverter<YearMonth>
{
    public override YearMonth Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
            throw new JsonException($"expected a month as a string \"YYYY-MM\", found {Describe.Token(reader.TokenType)}");
        var text = reader.GetString();
        return YearMonth.TryParse(text, out var value)
            ? value
            : throw new JsonException($"expected a month \"YYYY-MM\" (for example \"2025-05\"), found \"{text}\"");
    }

    public override void Write(Utf8JsonWriter writer, YearMonth value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
