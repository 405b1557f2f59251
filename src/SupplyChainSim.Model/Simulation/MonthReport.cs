using SupplyChainSim.Model.Agents;
using System.Text.Json.Serialization;
using SupplyChainSim.Model.Breaches;
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

    /// <summary>The cluster with the most unauthorised compute at the end of the month, if any.</summary>
    public UnauthorisedCluster? LargestUnauthorised { get; init; }

    /// <summary>For each breach kind with any excess, the largest excess in the world at the end of the month.</summary>
    public IReadOnlyList<KindPeak> Peaks { get; init; } = [];

    /// <summary>The month's deliveries by destination, chip model, seller, route and intermediary: chipmakers' deliveries
    /// and intermediaries' (smuggled) ones.</summary>
    public IReadOnlyList<DeliveryFlow> Deliveries { get; init; } = [];

    /// <summary>What the month's smuggled lots cost their buyers: catalogue price plus the intermediary's markup (chips without a price count 0).</summary>
    public double SmuggledValueUsd { get; init; }

    /// <summary>Where every breached cluster assessed this month stands (the last standing is the end-of-run one).</summary>
    public IReadOnlyList<BreachStanding> Standings { get; init; } = [];

    /// <summary>Magnet supply and shortage by importer, and the month's rare-earth events.</summary>
    public RareEarthMonth RareEarths { get; init; } = new([], [], []);

    /// <summary>Where the month's compute went, channel by channel (for the flow picture), in <see cref="ChannelFlow"/>'s order.</summary>
    public IReadOnlyList<ChannelFlow> Channels { get; init; } = [];

    /// <summary>
    /// Set when the month's decisions went to licences.csv as they were made (<see cref="ILicenceDecisionSink"/>), and
    /// <see cref="Decisions"/> is then empty: what the summary and the report count of them.
    /// </summary>
    public LicenceTally? DecisionTally { get; init; }

    /// <summary>The month's decisions counted, whether they are held or were streamed.</summary>
    [JsonIgnore]
    public LicenceTally Licensing => DecisionTally ?? LicenceTally.Of(Decisions);

    /// <summary>The month as a run that streams its decisions keeps it: counted, without the decisions themselves.</summary>
    public MonthReport WithDecisionsStreamed() => DecisionTally is not null ? this : this with { DecisionTally = LicenceTally.Of(Decisions), Decisions = [] };
}

/// <summary>A month's licence decisions counted by the rule that decided them and by outcome.</summary>
/// <param name="RevenueShareUsd">The month's revenue shares summed in the decisions' order (so the run's total is the same to the last bit).</param>
public sealed record LicenceTally(IReadOnlyList<LicenceTallyRow> Rows, double RevenueShareUsd)
{
    public static LicenceTally Of(IReadOnlyList<LicenceDecision> decisions) => new(
        decisions.GroupBy(d => (d.Basis, d.Outcome))
            .Select(g => new LicenceTallyRow(g.Key.Basis, g.Key.Outcome, g.Count(), Tpp.Sum(g, d => d.Compute)))
            .OrderBy(r => r.Basis, StringComparer.Ordinal).ThenBy(r => r.Outcome).ToList(),
        decisions.Sum(d => d.RevenueShareUsd));

    public int Count() => Rows.Sum(r => r.Decisions);

    public int Count(LicenceOutcome outcome) => Rows.Where(r => r.Outcome == outcome).Sum(r => r.Decisions);
}

/// <summary>Decisions of one outcome by one rule (its name, <see cref="LicenceDecision.Basis"/>), and the compute they carried.</summary>
public sealed record LicenceTallyRow(string Basis, LicenceOutcome Outcome, int Decisions, Tpp Compute);

/// <summary>
/// Compute that moved along one channel in a month, summed: from a chipmaker to a holder under a licence or without
/// one (<see cref="Delivered"/>); from a chipmaker to an intermediary's shells in its hub (<see cref="ToShells"/>); from
/// an intermediary, through its hub and transit countries, to its buyer (<see cref="Smuggled"/>); or seized from an
/// intermediary's lot in a country (<see cref="Seized"/>, no seller known). <see cref="Country"/> is the holder's
/// country (the hub for shells, where it was seized for a seizure); <see cref="Owner"/> names the holder's owner when
/// it is restricted (at a D:5 or Macau site, or headquartered there), else null.
/// </summary>
public sealed record ChannelFlow(string Stage, string Seller, Route Route, string? Hub, IReadOnlyList<string> Transit, string Country, string? Owner, Flow Flow)
{
    public const string Delivered = "delivered";
    public const string ToShells = "to-shells";
    public const string Smuggled = "smuggled";
    public const string Seized = "seized";

    /// <summary>What identifies a channel, as one text: channels are summed and ordered by it.</summary>
    public string Key => string.Join("\u001F", Stage, Seller, Route.ToString(), Hub ?? "", string.Join(">", Transit), Country, Owner ?? "");
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

    /// <summary>Unauthorised compute in the country's clusters at the end of the month: each cluster's largest excess.</summary>
    public Tpp Unauthorised { get; init; }
}

/// <summary>Chips of one model delivered into one country in a month, by one seller along one route (and intermediary).</summary>
/// <param name="ValueUsd">What the chips sold for at the catalogue's price (0 for a chip without one).</param>
public sealed record DeliveryFlow(string Country, string ChipModel, string Seller, Route Route, string? Via, long Chips, Tpp Compute, double ValueUsd);

/// <summary>Who ran what: the facts about a run that are not month by month.</summary>
public sealed record RunInfo(string Scenario, string Description, ulong Seed, YearMonth Start, int Months, RegimeSpec Regime, int Agents)
{
    /// <summary>The excesses, in H100e, an analyst asks the probability of reaching, by breach kind.</summary>
    public BreachThresholds Thresholds { get; init; } = BreachThresholds.Default;

    /// <summary>What the scenario's uncertain inputs drew for this run.</summary>
    public IReadOnlyList<Worlds.InputDraw> Draws { get; init; } = [];
}

/// <summary>A whole run's record, from which the output files are written.</summary>
public sealed record RunResults(RunInfo Info, IReadOnlyList<MonthReport> Months)
{
    /// <summary>The decisions went to licences.csv as they were made (<see cref="MonthReport.DecisionTally"/>): licences.csv is not rendered from here.</summary>
    public bool DecisionsStreamed => Months.Any(m => m.DecisionTally is not null);

    private IReadOnlyList<ClusterBreach>? breaches;

    /// <summary>Every breach in the order recorded, each with where it stood at the end of the run.</summary>
    public IReadOnlyList<ClusterBreach> Breaches => breaches ??= WithEndPositions();

    private List<ClusterBreach> WithEndPositions()
    {
        var last = new Dictionary<(string, string), BreachStanding>();
        foreach (var standing in Months.SelectMany(m => m.Standings)) last[(standing.Kind, standing.ClusterKey)] = standing;
        // Every breach is assessed, and so has a standing, in the month it is recorded.
        return Months.SelectMany(m => m.Breaches).Select(b =>
        {
            var end = last[(b.Kind, b.ClusterKey)];
            return b with
            {
                EndCluster = end.Cluster, EndExcess = end.Excess, EndLimitBasis = end.LimitBasis,
                EndMainContribution = (end.MainRoute, end.MainVia, end.MainCompute),
            };
        }).ToList();
    }
}

/// <summary>The recorder: keeps each month's report in order.</summary>
public sealed class RunRecorder
{
    public required RunInfo Info { get; init; }

    public List<MonthReport> Months { get; init; } = [];

    public static RunRecorder For(Worlds.World world) => new()
    {
        Info = new RunInfo(world.ScenarioName, world.Description, world.Context.Seed, world.Context.Start, world.Context.Months,
            world.Context.Regime, world.AgentCount) { Thresholds = world.Context.Thresholds, Draws = world.Draws },
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
