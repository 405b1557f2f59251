using System.Text.Json;
using System.Text.Json.Serialization;

namespace SupplyChainSim.Model.Scenarios;

internal sealed class DistributionJsonConverter : JsonConverter<Distribution>
{
    public override Distribution Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number) return Distribution.Constant(reader.GetDouble());
        if (reader.TokenType != JsonTokenType.StartObject)
            throw new JsonException("expected a number or a distribution object such as { \"dist\": \"uniform\", \"min\": 1, \"max\": 6 }");
        string? dist = null;
        double minimum = 0;
        var with = new Dictionary<string, double>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString()!;
            reader.Read();
            if (name == "dist")
            {
                dist = reader.TokenType == JsonTokenType.String ? reader.GetString() : throw new JsonException("expected \"dist\" to be a string");
            }
            else if (reader.TokenType != JsonTokenType.Number)
            {
                throw new JsonException($"expected \"{name}\" to be a number");
            }
            else if (name == "minimum")
            {
                minimum = reader.GetDouble();
            }
            else
            {
                with[name] = reader.GetDouble();
            }
        }
        if (dist is null) throw new JsonException("a distribution object needs \"dist\"");
        var result = new Distribution { Dist = dist, With = with, Minimum = minimum };
        return result.Problem() is { } problem ? throw new JsonException(problem) : result;
    }

    public override void Write(Utf8JsonWriter writer, Distribution value, JsonSerializerOptions options)
    {
        if (value.Dist == "constant" && value.Minimum == 0)
        {
            writer.WriteNumberValue(value.With["value"]);
            return;
        }
        writer.WriteStartObject();
        writer.WriteString("dist", value.Dist);
        foreach (var (name, number) in value.With.OrderBy(p => p.Key, StringComparer.Ordinal)) writer.WriteNumber(name, number);
        if (value.Minimum != 0) writer.WriteNumber("minimum", value.Minimum);
        writer.WriteEndObject();
    }
}
