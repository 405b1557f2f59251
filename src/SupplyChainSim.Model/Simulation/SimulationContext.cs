using System.Text.Json.Serialization;
using SupplyChainSim.Model.Breaches;
using SupplyChainSim.Model.Chips;
using SupplyChainSim.Model.Countries;
using SupplyChainSim.Model.Randomness;
using SupplyChainSim.Model.RareEarths;
using SupplyChainSim.Model.Regimes;
using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Simulation;

/// <summary>What every agent of a run shares and never changes: chips, countries, the regime, sellers, the seed.</summary>
public sealed record SimulationContext(
    ChipCatalogue Catalogue,
    CountryList Countries,
    RegimeSpec Regime,
    IReadOnlyList<ChipmakerSpec> Chipmakers,
    IReadOnlyDictionary<string, string> SellerByChip,
    ulong Seed,
    YearMonth Start,
    int Months,
    EnforcementSpec Enforcement,
    RareEarthSpec RareEarths)
{
    private ExportRegime[]? regimes;
    private RandomStreams? streams;

    /// <summary>The grey market of the restricted destinations, if the scenario has one.</summary>
    public Market.GreyMarketSpec? GreyMarket { get; init; }

    /// <summary>The excesses the run's outputs report the probability of reaching, by breach kind.</summary>
    public BreachThresholds Thresholds { get; init; } = BreachThresholds.Default;

    public static SimulationContext From(ResolvedScenario scenario)
    {
        // The seller of a chip model is the first chipmaker (by id) with capacity for it.
        var sellers = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var maker in scenario.Spec.Chipmakers.OrderBy(m => m.Id, StringComparer.Ordinal))
            foreach (var (model, capacity) in maker.Capacity)
                if (capacity > 0) sellers.TryAdd(model, maker.Id);
        var spec = scenario.Spec;
        var makers = spec.Chipmakers.OrderBy(m => m.Id, StringComparer.Ordinal).ToList();
        return new(scenario.Catalogue, scenario.Countries, spec.Regime, makers, sellers, spec.Seed, spec.Start, spec.Months, spec.Enforcement, spec.RareEarths)
        {
            Thresholds = BreachThresholds.From(spec.BreachThresholdsH100e, spec.BreachThresholdsH100eByKind),
            GreyMarket = spec.GreyMarket,
        };
    }

    /// <summary>Every chipmaker with capacity for a chip model, by id.</summary>
    public IReadOnlyList<string> SellersOf(string chipModel) =>
        Chipmakers.Where(m => m.Capacity.GetValueOrDefault(chipModel) > 0).Select(m => m.Id).ToList();

    public ChipmakerSpec Chipmaker(string id) =>
        Chipmakers.FirstOrDefault(m => m.Id == id) ?? throw new KeyNotFoundException($"chipmaker '{id}' is not in the world");

    [JsonIgnore]
    public YearMonth End => Start.AddMonths(Months - 1);

    [JsonIgnore]
    public RandomStreams Streams => streams ??= new RandomStreams(Seed);

    /// <summary>The regime in force in <paramref name="month"/>, one of the run's months.</summary>
    public ExportRegime RegimeAt(YearMonth month)
    {
        // Built once per run; the context is shared (read-only) by every agent of a silo, so the cache is published whole.
        var all = regimes ??= Enumerable.Range(0, Months).Select(i => ExportRegime.At(Regime.Rules, Start.AddMonths(i))).ToArray();
        return month - Start is var index && index >= 0 && index < all.Length ? all[index] : ExportRegime.At(Regime.Rules, month);
    }

    /// <summary>The regime in force, with any chip concessions made for magnets deciding first.</summary>
    public ExportRegime RegimeAt(MonthContext month) =>
        month.Concessions.Count == 0 ? RegimeAt(month.Month) : new ExportRegime(month.Concessions.Concat(RegimeAt(month.Month).Rules));

    /// <summary>Whether the rules in force change in <paramref name="month"/> (the first month counts).</summary>
    public bool RegimeChangesIn(YearMonth month) =>
        month == Start || Regime.Rules.Any(r => r.From == month || (r.Until is { } until && month - until == 1)); // until may be 9999-12

    public Tpp TppOf(string chipModel, long chips) => Catalogue[chipModel].TppPerChip * chips;
}
