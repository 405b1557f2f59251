using System.Text.Json.Serialization;

namespace SupplyChainSim.Model.Chips;

/// <summary>The chip models a scenario may use, by model name.</summary>
public sealed record ChipCatalogue
{
    private Dictionary<string, ChipSpec>? byModel;

    public required IReadOnlyList<ChipSpec> Chips { get; init; }

    [JsonIgnore]
    private Dictionary<string, ChipSpec> ByModel => byModel ??= First(Chips);

    // Loading reports a duplicate model as an error; until it has, the first one stands so that checking can go on.
    private static Dictionary<string, ChipSpec> First(IEnumerable<ChipSpec> chips)
    {
        var byModel = new Dictionary<string, ChipSpec>(StringComparer.Ordinal);
        foreach (var chip in chips) byModel.TryAdd(chip.Model, chip);
        return byModel;
    }

    public bool Contains(string model) => ByModel.ContainsKey(model);

    public ChipSpec this[string model] =>
        ByModel.TryGetValue(model, out var chip) ? chip : throw new KeyNotFoundException($"chip model '{model}' is not in the catalogue");

    [JsonIgnore]
    public IEnumerable<string> Models => Chips.Select(c => c.Model);
}
