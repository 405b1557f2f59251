using SupplyChainSim.Model.Chips;
using SupplyChainSim.Model.Countries;
using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Model.Trade;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Regimes;

public enum LicenceOutcome
{
    Approved,
    Denied,
    Exempt,
    Notified,
}

/// <summary>Conditions attached to an exemption or a licence.</summary>
public sealed record LicenceConditions
{
    public static readonly LicenceConditions None = new();

    /// <summary>The recipient must run software that stops the chips being linked into a larger cluster.</summary>
    public bool NoClustering { get; init; }

    /// <summary>Probability that the exporter's monitoring detects a diverted lot.</summary>
    public double ExporterMonitoring { get; init; }

    public bool LocationVerification { get; init; }

    public bool ThirdPartyTesting { get; init; }

    /// <summary>Short text for licences.csv, for example "no-clustering;monitoring=0.3".</summary>
    public override string ToString() => string.Join(';', new[]
    {
        NoClustering ? "no-clustering" : null,
        ExporterMonitoring > 0 ? FormattableString.Invariant($"monitoring={ExporterMonitoring}") : null,
        LocationVerification ? "location-verification" : null,
        ThirdPartyTesting ? "third-party-testing" : null,
    }.Where(c => c is not null));
}

/// <summary>A licence decision on one order, with the rule that decided it and what comes attached.</summary>
public sealed record LicenceDecision(Order Order, LicenceOutcome Outcome, string Rule)
{
    public LicenceConditions Conditions { get; init; } = LicenceConditions.None;

    /// <summary>The compute the order carries.</summary>
    public Tpp Compute { get; init; }

    /// <summary>Share of the sale's value the exporter pays the US government (0.15 for H20 to China from 2025-08).</summary>
    public double RevenueShare { get; init; }

    /// <summary>What the revenue share comes to on this sale, at the catalogue's unit price.</summary>
    public double RevenueShareUsd { get; init; }

    /// <summary>The name (or label) of the rule that decided, without its explanation.</summary>
    public string Basis => Rule.Split(':')[0];

    /// <summary>The route the chips travel if they ship; null when denied.</summary>
    public Route? Route => Outcome switch
    {
        LicenceOutcome.Approved => Trade.Route.Licensed,
        LicenceOutcome.Exempt or LicenceOutcome.Notified => Trade.Route.Exempt,
        _ => null,
    };
}

/// <summary>What a regime needs to know about an order to decide it, and the destination's ledger to count it in.</summary>
public sealed record LicenceRequest(
    Order Order,
    ChipSpec Chip,
    ChipmakerSpec Seller,
    CountrySpec Destination,
    CountrySpec OwnerHeadquarters,
    YearMonth Month,
    DestinationLedger Ledger)
{
    public Tpp Compute => Chip.TppPerChip * Order.Chips;

    public ExportClass ExportClass => Eccn3A090.Classify(Chip);

    public bool Controlled => ExportClass != ExportClass.NotControlled;

    /// <summary>Country Group D:5 plus Macau, or an entity headquartered there.</summary>
    public bool ToD5 => Destination.IsD5 || OwnerHeadquarters.IsD5;

    public LicenceDecision Decide(LicenceOutcome outcome, string rule) => new(Order, outcome, rule) { Compute = Compute };
}

/// <summary>
/// What a destination country has used of every cap and allowance: the country cap per period, each consignee's
/// yearly exemption, each bilateral quota, each verified end user's limit. Keys name the allowance.
/// </summary>
public sealed class DestinationLedger
{
    public SortedDictionary<string, long> Used { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Keys under this prefix count chips (the small-installation rule), not compute.</summary>
    public const string ChipCountPrefix = "installation:";

    public static bool CountsChips(string key) => key.StartsWith(ChipCountPrefix, StringComparison.Ordinal);

    public Tpp this[string key] => new(Used.GetValueOrDefault(key));

    public void Add(string key, Tpp compute) => Used[key] = checked(Used.GetValueOrDefault(key) + compute.Tenths);

    /// <summary>Counts <paramref name="compute"/> against <paramref name="key"/> if it fits under <paramref name="limit"/>.</summary>
    public bool TryUse(string key, Tpp compute, Tpp limit)
    {
        if (this[key] + compute > limit) return false;
        Add(key, compute);
        return true;
    }
}
