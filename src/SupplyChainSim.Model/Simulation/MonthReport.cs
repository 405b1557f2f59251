using SupplyChainSim.Model.Agents;
using SupplyChainSim.Model.RareEarths;
using SupplyChainSim.Model.Regimes;
using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Model.Trade;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Simulation;

/// <summary>Everything recorded about one month: flows by route, per-country totals and new breaches.</summary>
public sealed record MonthReport(
    YearMonth Month,
    IReadOnlyList<CountryMonth> Countries,
    Flow Licensed,
    Flow Exempt,
    Flow Smuggled,
    Flow Denied,
    Tpp LargestCluster,
    string? LargestClusterSite,
    IReadOnlyList<ClusterBreach> Breaches,
    int BreachesSoFar,
    IReadOnlyList<LicenceDecision> Decisions)
{
    /// <summary>Diverted lots caught this month: seized, their shells listed.</summary>
    public IReadOnlyList<Detection> Detections { get; init; } = [];

    /// <summary>The largest cluster over its permitted size at the end of the month, if any.</summary>
    public UnauthorisedCluster? LargestUnauthorised { get; init; }

    /// <summary>Magnet supply and shortage by importer, and the month's rare-earth events.</summary>
    public RareEarthMonth RareEarths { get; init; } = new([], [], []);
}

/// <summary>
/// One country in one month. Licensed and exempt flows are chipmakers' deliveries to consignees in the country (shell
/// companies in a hub included); smuggled flows are intermediaries' deliveries into it.
/// </summary>
public sealed record CountryMonth(
    string Country,
    Flow Licensed,
    Flow Exempt,
    Flow Smuggled,
    Flow Denied,
    Tpp Installed,
    Tpp LargestCluster,
    int NewBreaches)
{
    /// <summary>Diverted chips seized in the country.</summary>
    public Flow Seized { get; init; }
}

/// <summary>Who ran what: the facts about a run that are not month by month.</summary>
public sealed record RunInfo(string Scenario, string Description, ulong Seed, YearMonth Start, int Months, RegimeSpec Regime, int Agents);

/// <summary>A whole run's record, from which the output files are written.</summary>
public sealed record RunResults(RunInfo Info, IReadOnlyList<MonthReport> Months)
{
    public IEnumerable<ClusterBreach> Breaches => Months.SelectMany(m => m.Breaches);
}

/// <summary>The recorder: keeps each month's report in order.</summary>
public sealed class RunRecorder
{
    public required RunInfo Info { get; init; }

    public List<MonthReport> Months { get; init; } = [];

    public static RunRecorder For(Worlds.World world) => new()
    {
        Info = new RunInfo(world.ScenarioName, world.Description, world.Context.Seed, world.Context.Start, world.Context.Months,
            world.Context.Regime, world.AgentCount),
    };

    /// <summary>Records a month; recording the same month twice keeps the later report (handlers are idempotent by month).</summary>
    public void Record(MonthReport report)
    {
        Months.RemoveAll(m => m.Month == report.Month);
        Months.Add(report);
        Months.Sort((a, b) => a.Month.CompareTo(b.Month));
    }

    public RunResults Results() => new(Info, [.. Months]);
}
