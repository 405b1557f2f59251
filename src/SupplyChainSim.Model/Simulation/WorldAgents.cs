using SupplyChainSim.Model.Agents;
using SupplyChainSim.Model.RareEarths;

namespace SupplyChainSim.Model.Simulation;

/// <summary>
/// The world's agents kind by kind, as the stepper calls them: for each kind, the plans the world gives (one per agent,
/// or per block of agents) and the host that keeps them (<see cref="IWorldHosts.Host{TAgent}"/>: plain objects, or grains).
/// This is the one list of kinds: a new kind of agent is a line here, which every host takes up unchanged.
/// </summary>
public sealed class WorldAgents(Worlds.World world, IWorldHosts hosts)
{
    public IAgents<Chipmaker> Chipmakers { get; } = hosts.Host(world.Chipmakers);

    /// <summary>Countries as destinations, in the order of the country list.</summary>
    public IAgents<CountryAgent> Countries { get; } = hosts.Host(world.Context.Countries.Countries);

    public IAgents<DataCentreBlock> DataCentres { get; } = hosts.Host(world.DataCentreBlocks);

    public IAgents<IntermediaryBlock> Intermediaries { get; } = hosts.Host(world.IntermediaryBlocks);

    /// <summary>The run's Entity List: empty at the start, filled by enforcement.</summary>
    public IAgents<EntityList> EntityList { get; } = hosts.Host<EntityList>([new NewAgent<EntityList>()]);

    /// <summary>The magnet exporter and the trade it controls.</summary>
    public IAgents<RareEarthMarket> MagnetExporter { get; } = hosts.Host<RareEarthMarket>([world.Context.RareEarths]);

    /// <summary>The grey market of the restricted destinations: none without one.</summary>
    public IAgents<Market.GreyMarket> GreyMarket { get; } = hosts.Host<Market.GreyMarket>(world.GreyMarket is { } plan ? [plan] : []);
}
