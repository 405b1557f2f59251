using SupplyChainSim.Model.Calibration;
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

    /// <summary>Likely mistakes that do not stop a run (a threshold in the wrong unit), each with its place.</summary>
    public IReadOnlyList<ScenarioError> Warnings { get; init; } = [];

    /// <summary>Numbers given as distributions, drawn once per run (per replication) from the run's seed.</summary>
    public IReadOnlyList<UncertainInput> Uncertain { get; init; } = [];

    /// <summary>What each uncertain input drew for this run, in the order of <see cref="Uncertain"/>.</summary>
    public IReadOnlyList<double> Draws { get; init; } = [];

    /// <summary>The merged scenario with stand-ins where the uncertain inputs go: what each run's draws are laid into.</summary>
    public IScenarioTemplate? Template { get; init; }

    /// <summary>The published figures a run of the scenario is held against (the built-in ones, as the loader read them).</summary>
    public IReadOnlyList<CalibrationTarget> CalibrationTargets { get; init; } = [];

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
        var node = Template.With(values);
        var set = values.Select(v => v.ResolvedPath).ToHashSet(StringComparer.Ordinal);
        return (this with { Template = node, Uncertain = Uncertain.Where(u => !set.Contains(u.Path)).ToList() }).Realise(Spec.Seed, always: true);
    }

    /// <summary>
    /// This scenario with its uncertain inputs drawn from <paramref name="seed"/>; itself when it has none, unless
    /// <paramref name="always"/> asks for its template to be read again (values were laid into it).
    /// </summary>
    public ResolvedScenario Realise(ulong seed, bool always = false)
    {
        if ((Uncertain.Count == 0 && !always) || Template is null) return this;
        var draws = Uncertain.Select(u => u.Draw(seed)).ToList();
        var (spec, countries) = Template.Read(
            Uncertain.Select((u, i) => (u.Path, u.Whole ? (System.Text.Json.Nodes.JsonNode)System.Text.Json.Nodes.JsonValue.Create((long)draws[i]) : System.Text.Json.Nodes.JsonValue.Create(draws[i])))
                .ToList(), Countries);
        return this with
        {
            Spec = spec with { Seed = Spec.Seed, WorldSeed = Spec.WorldSeed, Months = Spec.Months },
            Countries = countries,
            Draws = draws,
        };
    }

    public ResolvedScenario WithMonths(int months) => this with { Spec = Spec with { Months = months } };
}
