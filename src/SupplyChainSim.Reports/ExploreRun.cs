using SupplyChainSim.Model.Breaches;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Reports;

/// <summary>What an exploration ran: the scenario, its file, the seed, the period and how many points were asked for.</summary>
public sealed record ExploreRun(string Scenario, string File, string Description, ulong Seed, YearMonth Start, int Months, int Replications, int Planned,
    BreachThresholds Thresholds);
