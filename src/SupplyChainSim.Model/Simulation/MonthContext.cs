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

    /// <summary>By country: what magnet shortage leaves of chipmakers' production (1 = no effect).</summary>
    public IReadOnlyDictionary<string, double> ProductionFactor { get; init; } = new Dictionary<string, double>();
}
