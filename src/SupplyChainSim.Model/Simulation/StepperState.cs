using SupplyChainSim.Model.Agents;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Simulation;

/// <summary>
/// What the stepper remembers between months: which hosts are due, and each block's last totals. The Entity List and
/// the magnet trade are agents of their own (<see cref="IWorldHosts"/>).
/// </summary>
public sealed class StepperState
{
    public int MonthsDone { get; set; }

    public required List<YearMonth?> DataCentreWake { get; init; }

    public required List<YearMonth?> IntermediaryWake { get; init; }

    public required List<bool> ChipmakerBusy { get; init; }

    public required List<BlockSummary?> DataCentreSummaries { get; init; }

    /// <summary>Blocks where an owner may get round no-clustering software next month.</summary>
    public required List<bool> DataCentreLinkDue { get; init; }

    public int BreachesSoFar { get; set; }

    public SortedSet<string> OwnersInBreach { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Chips of each model approved for the United States so far.</summary>
    public SortedDictionary<string, long> UsBoundChips { get; init; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Where each breached cluster stood at its last assessment, by kind and cluster (<see cref="BreachStanding.KeyOf"/>):
    /// only the latest is kept, since only the end of the run's is reported.
    /// </summary>
    public SortedDictionary<string, BreachStanding> Standings { get; init; } = new(StringComparer.Ordinal);

    /// <summary>How many concession rules were in force last month (a change re-checks every cluster).</summary>
    public int ConcessionRules { get; set; }

    /// <summary>Last month's trade on the grey market: this month's prices move with it.</summary>
    public Market.GreyTrade LastGreyTrade { get; set; } = Market.GreyTrade.None;

    /// <summary>By block of intermediaries: how many of its networks traded on the grey market when it was last called.</summary>
    public List<int> ActiveNetworks { get; init; } = [];

    /// <summary>By chip model: months of orders its maker had in hand after last month's production.</summary>
    public SortedDictionary<string, double> BacklogMonths { get; init; } = new(StringComparer.Ordinal);

    public static StepperState For(Worlds.World world) => new()
    {
        // Everyone is due in the first month; from then on each block says when it next has work.
        DataCentreWake = world.DataCentreBlocks.Select(_ => (YearMonth?)world.Context.Start).ToList(),
        IntermediaryWake = world.IntermediaryBlocks.Select(_ => (YearMonth?)world.Context.Start).ToList(),
        ChipmakerBusy = world.Chipmakers.Select(_ => false).ToList(),
        DataCentreSummaries = world.DataCentreBlocks.Select(_ => (BlockSummary?)null).ToList(),
        DataCentreLinkDue = world.DataCentreBlocks.Select(_ => false).ToList(),
        ActiveNetworks = world.IntermediaryBlocks.Select(_ => 0).ToList(),
    };
}
