using SupplyChainSim.Model.Agents;
using System.Text.Json.Serialization;
using SupplyChainSim.Model.RareEarths;
using SupplyChainSim.Model.Regimes;
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
    /// <summary>Lots the destination's customs held on arrival (as orders: who bought what), not delivered.</summary>
    public IReadOnlyList<Trade.Order> Held { get; init; } = [];

    /// <summary>The grey market's month: prices, networks, and what its labs wanted and got; null without a grey market.</summary>
    public Market.GreyMarketMonth? GreyMarket { get; init; }

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
