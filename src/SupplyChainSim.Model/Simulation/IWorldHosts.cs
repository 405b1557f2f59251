using SupplyChainSim.Model.Agents;
using SupplyChainSim.Model.Regimes;
using SupplyChainSim.Model.Trade;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Simulation;

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

    /// <summary>Every month's record, in order (<see cref="MonthStepper.ResultsAsync"/> adds where each breach stood at the end).</summary>
    Task<RunResults> ResultsAsync();
}
