using System.Text.Json.Serialization;

namespace SupplyChainSim.Model.Regimes;

/// <summary>How a licence requirement is decided: a presumption of denial, or licences granted. Scenario files say "deny" or "approve".</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LicencePolicy>))]
public enum LicencePolicy
{
    [JsonStringEnumMemberName("deny")]
    Deny,

    [JsonStringEnumMemberName("approve")]
    Approve,
}
