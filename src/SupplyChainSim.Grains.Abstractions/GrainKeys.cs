using SupplyChainSim.Model.Countries;
using SupplyChainSim.Model.RareEarths;
using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Units;
using SupplyChainSim.Model.Worlds;

namespace SupplyChainSim.Grains.Abstractions;

/// <summary>
/// Grain keys, and the run keys they start with: every grain of a run is keyed under the run's key, so runs never share
/// agents. A data centre or intermediary keeps its key whatever else the world holds (<see cref="Hosting"/>): a named one
/// by its id, a linking owner by its cluster key, a pool by its country (intermediaries: hub) and its number there. The
/// keys are built and read here only.
/// </summary>
public static class GrainKeys
{
    private const string SiloPrefix = "silo-";

    /// <summary>A run's key: its scenario and seed, and a number where one process runs the same scenario more than once.</summary>
    public static string Run(string scenario, ulong seed, int? number = null) => number is { } n ? $"{scenario}-{seed}-{n}" : $"{scenario}-{seed}";

    /// <summary>
    /// The key of a replication kept on one silo of a cluster: the <paramref name="silo"/>-th of the cluster's silos in
    /// address order, modulo their number (<see cref="SiloIndex"/>); <paramref name="client"/> sets one client's runs
    /// apart from another's.
    /// </summary>
    public static string OnSilo(int silo, string run, string client) => $"{SiloPrefix}{silo}.{run}.{client}";

    /// <summary>The silo index a grain's key asks for (<see cref="OnSilo"/>), or null for a run spread over the silos.</summary>
    public static int? SiloIndex(string grainKey)
    {
        if (!grainKey.StartsWith(SiloPrefix, StringComparison.Ordinal)) return null;
        var end = grainKey.IndexOf('.', SiloPrefix.Length);
        return end > SiloPrefix.Length && int.TryParse(grainKey.AsSpan(SiloPrefix.Length, end - SiloPrefix.Length), out var index) && index >= 0 ? index : null;
    }

    /// <summary>One attempt at a run: a replication whose silo was lost is run again, from its first month, under a new key.</summary>
    public static string Attempt(string run, int attempt) => $"{run}.{attempt}";

    public static string Chipmaker(string run, string id) => $"{run}/chipmaker/{id}";

    public static string Country(string run, string code) => $"{run}/country/{code}";

    public static string DataCentres(string run, DataCentreBlockPlan plan) => plan.Hosting switch
    {
        Hosting.Agent => $"{run}/datacentre/{plan.Name}",
        Hosting.Owner => $"{run}/owner/{plan.Name}",
        _ => $"{run}/datacentres/{plan.Name}",
    };

    public static string Intermediaries(string run, IntermediaryBlockPlan plan) => plan.Hosting switch
    {
        Hosting.Agent => $"{run}/intermediary/{plan.Name}",
        _ => $"{run}/intermediaries/{plan.Name}",
    };

    /// <summary>
    /// The key of the grain that hosts the agent <paramref name="plan"/> makes, the <paramref name="index"/>th of its kind.
    /// A kind without a key of its own here is keyed by its agent type's name and the agent's place among its kind.
    /// </summary>
    public static string Agent<TAgent>(string run, IAgentPlan<TAgent> plan, int index) => plan switch
    {
        ChipmakerSpec maker => Chipmaker(run, maker.Id),
        CountrySpec country => Country(run, country.Code),
        DataCentreBlockPlan block => DataCentres(run, block),
        IntermediaryBlockPlan block => Intermediaries(run, block),
        NewAgent<Model.Agents.EntityList> => EntityList(run),
        RareEarthSpec => MagnetExporter(run),
        Model.Market.GreyMarketPlan => GreyMarket(run),
        _ => $"{run}/{typeof(TAgent).Name.ToLowerInvariant()}/{index}",
    };

    public static string EntityList(string run) => $"{run}/entity-list";

    public static string MagnetExporter(string run) => $"{run}/magnet-exporter";

    public static string GreyMarket(string run) => $"{run}/grey-market";

    public static string MonthRecord(string run, YearMonth month) => $"{run}/month/{month}";

    public static string RunContext(string run) => $"{run}/context";

    /// <summary>The run a <see cref="RunContext"/> key belongs to.</summary>
    public static string RunOfContext(string contextKey) => contextKey[..^RunContext("").Length];
}
