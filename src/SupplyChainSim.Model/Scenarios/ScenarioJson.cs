using System.Text.Json;
using System.Text.Json.Serialization;

namespace SupplyChainSim.Model.Scenarios;

/// <summary>The JSON settings scenario files and the model's data files are read and written with.</summary>
public static class ScenarioJson
{
    /// <summary>Strict reading: comments and trailing commas allowed, unknown keys and wrong types are errors.</summary>
    public static readonly JsonSerializerOptions Read = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        NumberHandling = JsonNumberHandling.Strict,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        AllowDuplicateProperties = false,
        MaxDepth = 64,
    };

    /// <summary>Writing output files: camelCase, indented, nulls kept so that every key is always present.</summary>
    public static readonly JsonSerializerOptions Write = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}
