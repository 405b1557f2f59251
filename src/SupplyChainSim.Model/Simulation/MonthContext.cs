using SupplyChainSim.Model.Regimes;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Simulation;

/// <summary>The month being stepped, as every agent sees it.</summary>
public sealed record MonthContext(YearMonth Month, bool RegimeChanged)
{
    /// <summary>Rules added during the run: chip licences conceded for magnets.</summary>
    public IReadOnlyList<RegimeRule> Concessions { get; init; } = [];

    /// <summary>By country: what magnet shortage leaves of data-centre orders (1 = no effect).</summary>
    public IReadOnlyDictionary<string, double> BuildOutFactor { get; init; } = new Dictionary<string, double>();

    /// <summary>Chips of each model approved for the United States so far (a licence window may cap other destinations at a share of them).</summary>
    public IReadOnlyDictionary<string, long> UsBoundChips { get; init; } = new Dictionary<string, long>();

    /// <summary>The grey market's prices this month and the networks that form (none without a grey market).</summary>
    public Market.GreyMonth Grey { get; init; } = Market.GreyMonth.None;

    /// <summary>By chip model: months of orders a chipmaker has in hand, at its capacity (a lab weighs the wait for a domestic chip).</summary>
    public IReadOnlyDictionary<string, double> BacklogMonths { get; init; } = new Dictionary<string, double>();

    /// <summary>By country: what magnet shortage leaves of chipmakers' production (1 = no effect).</summary>
    public IReadOnlyDictionary<string, double> ProductionFactor { get; init; } = new Dictionary<string, double>();
}
