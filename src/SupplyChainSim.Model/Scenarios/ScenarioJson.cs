using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using SupplyChainSim.Model.Regimes;

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
        TypeInfoResolver = Resolver(),
    };

    /// <summary>Writing output files: camelCase, indented, nulls kept so that every key is always present.</summary>
    public static readonly JsonSerializerOptions Write = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        TypeInfoResolver = Resolver(),
    };

    /// <summary>Model objects between silos and in grain storage: System.Text.Json's defaults, with the regime rules known.</summary>
    public static readonly JsonSerializerOptions Wire = new() { TypeInfoResolver = Resolver() };

    /// <summary>
    /// Regime rules are one polymorphic type, told apart by their "rule" key: the kinds and their names come from
    /// <see cref="DecisionOrder"/> and each rule's <see cref="RuleAttribute"/>, so a new rule is registered by its place
    /// in the decision order alone. Rules in force in every regime (the Entity List) are not written in scenarios.
    /// </summary>
    private static DefaultJsonTypeInfoResolver Resolver() => new()
    {
        Modifiers =
        {
            info =>
            {
                if (info.Type != typeof(RegimeRule)) return;
                info.PolymorphismOptions = new JsonPolymorphismOptions
                {
                    TypeDiscriminatorPropertyName = "rule",
                    UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization,
                };
                foreach (var rule in DecisionOrder.Named) info.PolymorphismOptions.DerivedTypes.Add(new JsonDerivedType(rule, DecisionOrder.NameOf(rule)));
            },
        },
    };
}
