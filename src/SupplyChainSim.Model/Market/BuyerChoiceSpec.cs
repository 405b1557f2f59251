using SupplyChainSim.Model.Scenarios;

namespace SupplyChainSim.Model.Market;

/// <summary>
/// How a lab in a restricted destination meets its demand: from smuggled chips (a grey price per generation), lawful
/// export-grade chips (when both governments allow them), domestic accelerators (as far as their maker's output goes)
/// and compute rented abroad. It compares them by what an H100-equivalent of work costs it a month, each source's price
/// divided by its performance, and splits its demand by a logit of those costs.
/// </summary>
public sealed record BuyerChoiceSpec
{
    /// <summary>
    /// How sharply labs favour the cheapest source: a source dearer by a fraction x gets exp(-this x) of the cheapest
    /// one's weight. 0 splits demand evenly; large values put all of it on the cheapest.
    /// </summary>
    [ValueRange(0, 100)]
    public double ChoiceSensitivity { get; init; } = 3;

    /// <summary>Months over which a bought chip's price is spread, to compare it with rent.</summary>
    [ValueRange(1, ScenarioLimits.Months)]
    public double AmortisationMonths { get; init; } = 48;

    /// <summary>Power, cooling and hosting of an installed H100-equivalent a month (USD).</summary>
    [ValueRange(0, ScenarioLimits.UnitPriceUsd)]
    public double OperatingUsdPerH100eMonth { get; init; } = 250;

    /// <summary>Renting an H100-equivalent abroad, per hour (USD).</summary>
    [ValueRange(0, 10_000)]
    public double RentalUsdPerH100eHour { get; init; } = 4;

    /// <summary>What remote compute is worth against the same compute installed at home (latency, data transfer).</summary>
    [ValueRange(0, 1, AboveMinimum = true, Is = "a fraction")]
    public double RemotePerformance { get; init; } = 0.9;

    /// <summary>Months a rental runs before the lab chooses again.</summary>
    [ValueRange(1, ScenarioLimits.LeadMonths)]
    public int RentalTermMonths { get; init; } = 12;

    /// <summary>The export-grade chips labs buy lawfully when both governments allow them (the H20; the H200 under the 2026 window).</summary>
    public IReadOnlyList<string> LawfulChips { get; init; } = [];

    /// <summary>The domestic accelerators labs buy, limited by their maker's output (Huawei's Ascends).</summary>
    public IReadOnlyList<string> DomesticChips { get; init; } = [];

    /// <summary>
    /// What a chip does for a lab's work against its TPP: 1 when its H100-equivalents are worth what they count; above 1
    /// for an inference chip whose memory bandwidth its TPP does not show (the H20); below for a weaker software stack.
    /// Chips not named count 1.
    /// </summary>
    [ValueRange(0, 100, AboveMinimum = true)]
    public IReadOnlyDictionary<string, double> Performance { get; init; } = new Dictionary<string, double>();

    /// <summary>What a month's wait for a domestic chip adds to its cost, as a share of its price: its maker's backlog in months times this.</summary>
    [ValueRange(0, 10, Is = "a fraction")]
    public double DomesticWaitCostPerMonth { get; init; } = 0.1;
}
