using System.Text.Json;
using System.Text.Json.Serialization;

namespace SupplyChainSim.Model.Regimes;

/// <summary>
/// A <see cref="RuleId"/> as one string, "kind" or "kind=name" when a label names the rule (a kind never holds '='):
/// order books, lots and acquisitions keep one each, millions in a large world's checkpoints. Read back interned, so
/// that what crosses between silos or comes back from storage shares a handful of strings again.
/// </summary>
public sealed class RuleIdJsonConverter : JsonConverter<RuleId>
{
    public override RuleId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null) return default;
        var text = reader.GetString() ?? throw new JsonException("expected a rule id as a string");
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        return (equals < 0 ? new RuleId(text, text) : new RuleId(text[..equals], text[(equals + 1)..])).Interned();
    }

    public override void Write(Utf8JsonWriter writer, RuleId value, JsonSerializerOptions options)
    {
        if (value.Kind is null) writer.WriteNullValue(); // an acquisition made without one (a test's)
        else writer.WriteStringValue(value.Kind == value.Name ? value.Kind : $"{value.Kind}={value.Name}");
    }
}
