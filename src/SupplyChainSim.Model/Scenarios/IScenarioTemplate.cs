using System.Text.Json.Nodes;
using SupplyChainSim.Model.Countries;

namespace SupplyChainSim.Model.Scenarios;

/// <summary>
/// The merged scenario as it was read, with stand-ins where the uncertain inputs go: what each run's draws, and an
/// exploration's values, are laid into before it is read again. The scenario reader implements it, so that the model
/// reads no file format.
/// </summary>
public interface IScenarioTemplate
{
    /// <summary>A copy with each value laid at its path (items numbered), as an exploration's point sets them.</summary>
    IScenarioTemplate With(IReadOnlyList<(string ResolvedPath, JsonNode Value)> values);

    /// <summary>
    /// The scenario read again with each draw laid at its path, and its countries laid over the country list they were
    /// first laid over (<paramref name="countries"/> when there was none).
    /// </summary>
    (ScenarioSpec Spec, CountryList Countries) Read(IReadOnlyList<(string Path, JsonNode Value)> draws, CountryList countries);
}
