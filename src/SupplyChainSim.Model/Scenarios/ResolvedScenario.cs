using SupplyChainSim.Model.Chips;
using SupplyChainSim.Model.Countries;

namespace SupplyChainSim.Model.Scenarios;

/// <summary>A scenario with the files it refers to read in: everything a run needs, and nothing on disk.</summary>
public sealed record ResolvedScenario(ScenarioSpec Spec, ChipCatalogue Catalogue, CountryList Countries, string SourceFile)
{
    /// <summary>The scenario file and the files it extends, in order: where errors found later are looked up.</summary>
    public IReadOnlyList<string> Files { get; init; } = [];

    /// <summary>The catalogue and country files the scenario names (`catalogueFile`, `countriesFile`), as read; none for the built-in ones.</summary>
    public IReadOnlyList<string> DataFiles { get; init; } = [];

    /// <summary>Values set from outside the files (`--set`), laid over them in this order.</summary>
    public IReadOnlyList<ScenarioOverride> Overrides { get; init; } = [];

    /// <summary>Likely mistakes that do not stop a run (a threshold in the wrong unit), each with its place.</summary>
    public IReadOnlyList<ScenarioError> Warnings { get; init; } = [];

    /// <summary>The same world run with another seed: the world seed stays the file's, so only the run's draws change.</summary>
    public ResolvedScenario WithSeed(ulong seed) => this with { Spec = Spec with { Seed = seed, WorldSeed = Spec.WorldSeed ?? Spec.Seed } };

    public ResolvedScenario WithMonths(int months) => this with { Spec = Spec with { Months = months } };
}
