using System.Text.Json;
using System.Text.Json.Nodes;
using SupplyChainSim.Model.Countries;
using SupplyChainSim.Model.Scenarios;

namespace SupplyChainSim.ScenarioFiles;

/// <summary>The scenario's merged JSON as the loader read it, with the country list its countries were laid over and the `--set` values laid over it.</summary>
internal sealed class ScenarioTemplate(JsonObject node, CountryList? baseCountries, IReadOnlyList<ScenarioOverride> overrides) : IScenarioTemplate
{
    public JsonObject Node => node;

    public IReadOnlyList<ScenarioOverride> Overrides => overrides;

    public IScenarioTemplate With(IReadOnlyList<(string ResolvedPath, JsonNode Value)> values)
    {
        var copy = (JsonObject)node.DeepClone();
        foreach (var (path, value) in values) new ScenarioOverride(path, value, "explore").ApplyTo(copy);
        return new ScenarioTemplate(copy, baseCountries, overrides);
    }

    public (ScenarioSpec Spec, CountryList Countries) Read(IReadOnlyList<(string Path, JsonNode Value)> draws, CountryList countries)
    {
        var copy = (JsonObject)node.DeepClone();
        foreach (var (path, value) in draws) new ScenarioOverride(path, value, "uncertain").ApplyTo(copy);
        var spec = JsonSerializer.Deserialize<ScenarioSpec>(copy, ScenarioJson.Read)!;
        return (spec, baseCountries is null ? countries : ScenarioLoader.MergeCountries(baseCountries, spec.Countries));
    }
}

public static partial class ScenarioLoader
{
    extension(ResolvedScenario scenario)
    {
        /// <summary>Values set from outside the files (`--set`), laid over them in this order.</summary>
        public IReadOnlyList<ScenarioOverride> Overrides => scenario.Template is ScenarioTemplate template ? template.Overrides : [];
    }
}
