using System.Text.Json.Nodes;

namespace SupplyChainSim.ScenarioFiles;

/// <summary>
/// Every key (and rule name) of a scenario file that the scenario schema does not know, each with the closest known
/// one, in one pass. It checks one file on its own, so keys a file may inherit through extends are not required.
/// </summary>
public static class UnknownKeys
{
    public static IEnumerable<(string Path, string Message)> Find(JsonNode? document) =>
        document is JsonObject root
            ? SchemaCheck.Run((JsonObject)root.DeepClone(), ScenarioSchema.Node).Problems.Where(p => p.IsUnknownKey).Select(p => (p.Path, p.Message))
            : [];
}
