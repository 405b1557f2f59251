using System.Text.Json;
using System.Text.Json.Serialization;
using SupplyChainSim.Model.Scenarios;

namespace SupplyChainSim.Cli.OutputFolders;

/// <summary>A resolved scenario as scenario files are written (<see cref="ScenarioJson.Write"/>), within the manifest.</summary>
internal sealed class ScenarioSpecJsonConverter : JsonConverter<ScenarioSpec>
{
    public override ScenarioSpec Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("manifest.json is written, never read back");

    public override void Write(Utf8JsonWriter writer, ScenarioSpec value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, ScenarioJson.Write);
}
