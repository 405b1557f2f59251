using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Agents;

/// <summary>A block of data centres after linking: its totals, any new breaches, where breached clusters stand, and when
/// it next has work.</summary>
public sealed record SitesReply(int Block, string Country, BlockSummary Summary, IReadOnlyList<ClusterBreach> Breaches,
    IReadOnlyList<BreachStanding> Standings, YearMonth? NextWake, bool LinkNextMonth);
