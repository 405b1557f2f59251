using SupplyChainSim.Model.Agents;
using SupplyChainSim.Model.Regimes;
using SupplyChainSim.Model.Trade;
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

/// <summary>
/// Where the agents live and how a phase reaches them. <see cref="InMemoryWorldHosts"/> keeps them as plain objects;
/// the grains project keeps each chipmaker, country and block, the Entity List and the magnet exporter in a grain. The month stepper cannot tell the difference,
/// which is what lets the same run be checked (and timed) with and without Orleans.
/// </summary>
public interface IWorldHosts
{
    Task InitialiseAsync(Worlds.World world);

    Task<OrdersReply> PlaceDataCentreOrdersAsync(int block, MonthContext month);

    Task<OrdersReply> PlaceIntermediaryOrdersAsync(int block, MonthContext month);

    /// <summary>The month's magnet trade: the exporter's policy, importers' stocks and shortage, concessions offered and made.</summary>
    Task<RareEarths.RareEarthMonth> TradeMagnetsAsync(YearMonth month);

    /// <summary>Tells an importing country its magnet position for the month (what an observer of the country sees).</summary>
    Task UpdateMagnetsAsync(string country, RareEarths.ImporterMonth magnets);

    /// <summary>The ones among <paramref name="consignees"/> on the Entity List: their orders are refused outright.</summary>
    Task<IReadOnlyList<string>> EntityListedAsync(IReadOnlyList<string> consignees);

    Task<IReadOnlyList<LicenceDecision>> DecideLicencesAsync(string country, MonthContext month, IReadOnlyList<Order> orders);

    Task<ShipmentsReply> ShipAsync(string chipmaker, MonthContext month, IReadOnlyList<LicenceDecision> approved);

    Task<DiversionReply> DivertAsync(int block, MonthContext month, Deliveries deliveries);

    Task<SitesReply> InstallAndLinkAsync(int block, MonthContext month, Deliveries deliveries);

    /// <summary>
    /// Puts the shell of every lot caught this month on the Entity List, and returns the ones among
    /// <paramref name="suppliers"/> (intermediaries) caught by <paramref name="month"/>.
    /// </summary>
    Task<IReadOnlyList<string>> EnforceAsync(YearMonth month, IReadOnlyList<Detection> detections, IReadOnlyList<string> suppliers);

    Task RecordAsync(MonthReport report);

    Task<RunResults> ResultsAsync();
}

/// <summary>The lots a chipmaker delivered this month, and whether it still has work in hand.</summary>
public sealed record ShipmentsReply(IReadOnlyList<Lot> Lots, bool Busy);
