using SupplyChainSim.Grains;
using SupplyChainSim.Grains.Abstractions;
using SupplyChainSim.Model.Worlds;

namespace SupplyChainSim.Runs;

/// <summary>
/// Every grain of one run, by implementation type (as the dashboard's grain-state view names them): the ones
/// <see cref="GrainWorldHosts"/> creates for the world's agents and the run's coordinator; and which grain
/// hosts each data centre and intermediary, for the live page's links.
/// </summary>
public sealed class RunGrains
{
    private readonly Dictionary<string, HashSet<string>> ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GrainLink> sites = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GrainLink> intermediaries = new(StringComparer.Ordinal);

    public RunGrains(World world, string runKey)
    {
        RunKey = runKey;
        Add<ChipmakerGrain>(world.Chipmakers.Select(m => GrainKeys.Chipmaker(runKey, m.Id)));
        Add<CountryGrain>(world.Context.Countries.Countries.Select(c => GrainKeys.Country(runKey, c.Code)));
        foreach (var plan in world.DataCentreBlocks)
        {
            var grain = Add(plan.Hosting switch
            {
                Hosting.Agent => typeof(DataCentreGrain),
                Hosting.Owner => typeof(OwnerGrain),
                _ => typeof(DataCentrePoolGrain),
            }, GrainKeys.DataCentres(runKey, plan));
            foreach (var site in plan.Sites) sites[site.Id] = grain;
        }
        foreach (var plan in world.IntermediaryBlocks)
        {
            var grain = Add(plan.Hosting == Hosting.Agent ? typeof(IntermediaryGrain) : typeof(IntermediaryPoolGrain), GrainKeys.Intermediaries(runKey, plan));
            foreach (var member in plan.Members) intermediaries[member.Spec.Id] = grain;
        }
        Add<EntityListGrain>([GrainKeys.EntityList(runKey)]);
        Add<MagnetExporterGrain>([GrainKeys.MagnetExporter(runKey)]);
        if (world.GreyMarket is not null) Add<GreyMarketGrain>([GrainKeys.GreyMarket(runKey)]);
        Add<RunCoordinatorGrain>([runKey]);
    }

    public string RunKey { get; }

    /// <summary>Whether <paramref name="grainId"/> names a grain of this run of the grain class <paramref name="grainType"/> (its full name).</summary>
    public bool Contains(string grainType, string grainId) => ids.TryGetValue(grainType, out var set) && set.Contains(grainId);

    /// <summary>The grain that hosts data centre <paramref name="site"/>: the site alone, its owner's linked sites, or a pool.</summary>
    public GrainLink? DataCentre(string site) => sites.GetValueOrDefault(site);

    /// <summary>The grain that hosts intermediary <paramref name="id"/>.</summary>
    public GrainLink? Intermediary(string id) => intermediaries.GetValueOrDefault(id);

    private void Add<TGrain>(IEnumerable<string> keys)
    {
        foreach (var key in keys) Add(typeof(TGrain), key);
    }

    private GrainLink Add(Type grain, string key)
    {
        var type = grain.FullName!;
        if (!ids.TryGetValue(type, out var set)) ids[type] = set = new HashSet<string>(StringComparer.Ordinal);
        set.Add(key);
        return new GrainLink(type, key);
    }
}
