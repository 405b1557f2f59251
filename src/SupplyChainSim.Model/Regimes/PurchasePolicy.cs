using System.Text.Json.Serialization;

namespace SupplyChainSim.Model.Regimes;

/// <summary>What a buyer's government does about named chips: forbids their purchase, or discourages it. Scenario files say "forbid" or "discourage".</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PurchasePolicy>))]
public enum PurchasePolicy
{
    [JsonStringEnumMemberName("forbid")]
    Forbid,

    [JsonStringEnumMemberName("discourage")]
    Discourage,
}
