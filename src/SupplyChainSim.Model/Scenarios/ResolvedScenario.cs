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

    /// <summary>Numbers given as distributions, drawn once per run (per replication) from the run's seed.</summary>
    public IReadOnlyList<UncertainInput> Uncertain { get; init; } = [];

    /// <summary>What each uncertain input drew for this run, in the order of <see cref="Uncertain"/>.</summary>
    public IReadOnlyList<double> Draws { get; init; } = [];

    /// <summary>The merged scenario with stand-ins where the uncertain inputs go: what each run's draws are laid into.</summary>
    internal System.Text.Json.Nodes.JsonObject? Template { get; init; }

    /// <summary>The country list before the scenario's own countries are laid over it (drawn again with them).</summary>
    internal CountryList? BaseCountries { get; init; }

    /// <summary>
    /// The same world run with another seed: the world seed stays the file's, so only the run's draws change, and the
    /// uncertain inputs are drawn again for the new seed.
    /// </summary>
    public ResolvedScenario WithSeed(ulong seed)
    {
        var worldSeed = Spec.WorldSeed ?? Spec.Seed;
        var drawn = Realise(seed);
        return drawn with { Spec = drawn.Spec with { Seed = seed, WorldSeed = worldSeed } };
    }

    /// <summary>
    /// The scenario at one point of an exploration: each value laid at its path (items numbered), the uncertain input
    /// a value replaces no longer drawn, the others still drawn per replication from its seed.
    /// </summary>
    public ResolvedScenario At(IReadOnlyList<(string ResolvedPath, System.Text.Json.Nodes.JsonNode Value)> values)
    {
        if (Template is null) throw new InvalidOperationException("only a scenario read from a file can be explored");
        var node = (System.Text.Json.Nodes.JsonObject)Template.DeepClone();
        foreach (var (path, value) in values) new ScenarioOverride(path, value, "explore").ApplyTo(node);
        var set = values.Select(v => v.ResolvedPath).ToHashSet(StringComparer.Ordinal);
        return (this with { Template = node, Uncertain = Uncertain.Where(u => !set.Contains(u.Path)).ToList() }).Realise(Spec.Seed, always: true);
    }

    /// <summary>
    /// This scenario with its uncertain inputs drawn from <paramref name="seed"/>; itself when it has none, unless
    /// <paramref name="always"/> asks for its template to be read again (values were laid into it).
    /// </summary>
    internal ResolvedScenario Realise(ulong seed, bool always = false)
    {
        if ((Uncertain.Count == 0 && !always) || Template is null) return this;
        var node = (System.Text.Json.Nodes.JsonObject)Template.DeepClone();
        var draws = Uncertain.Select(u => u.Draw(seed)).ToList();
        for (var i = 0; i < Uncertain.Count; i++)
            new ScenarioOverride(Uncertain[i].Path, Uncertain[i].Whole ? System.Text.Json.Nodes.JsonValue.Create((long)draws[i]) : System.Text.Json.Nodes.JsonValue.Create(draws[i]), "uncertain")
                .ApplyTo(node);
        var spec = System.Text.Json.JsonSerializer.Deserialize<ScenarioSpec>(node, ScenarioJson.Read)!;
        return this with
        {
            Spec = spec with { Seed = Spec.Seed, WorldSeed = Spec.WorldSeed, Months = Spec.Months },
            Countries = BaseCountries is null ? Countries : ScenarioLoader.MergeCountries(BaseCountries, spec.Countries),
            Draws = draws,
        };
    }

    public ResolvedScenario WithMonths(int months) => this with { Spec = Spec with { Months = months } };
}
