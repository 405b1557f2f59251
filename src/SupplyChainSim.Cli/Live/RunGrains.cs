using SupplyChainSim.Grains;
using SupplyChainSim.Grains.Abstractions;
using SupplyChainSim.Model.Worlds;

namespace SupplyChainSim.Cli.Live;

/// <summary>
/// Every grain of one run, by implementation type (as the dashboard's grain-state view names them): the ones
/// <see cref="GrainWorldHosts"/> creates for the world's agents, the recorder and the run's coordinator.
/// </summary>
public sealed class RunGrains
{
    private readonly Dictionary<string, HashSet<string>> ids = new(StringComparer.Ordinal);

    public RunGrains(World world, string runKey)
    {
        RunKey = runKey;
        Add<ChipmakerGrain>(world.Chipmakers.Select(m => GrainKeys.Chipmaker(runKey, m.Id)));
        Add<CountryGrain>(world.Context.Countries.Countries.Select(c => GrainKeys.Country(runKey, c.Code)));
        Add<DataCentreBlockGrain>(world.DataCentreBlocks.Select(b => GrainKeys.DataCentreBlock(runKey, b.Index)));
        Add<IntermediaryBlockGrain>(world.IntermediaryBlocks.Select(b => GrainKeys.IntermediaryBlock(runKey, b.Index)));
        Add<RecorderGrain>([GrainKeys.Recorder(runKey)]);
        Add<RunCoordinatorGrain>([runKey]);
    }

    public string RunKey { get; }

    /// <summary>Whether <paramref name="grainId"/> names a grain of this run of the grain class <paramref name="grainType"/> (its full name).</summary>
    public bool Contains(string grainType, string grainId) => ids.TryGetValue(grainType, out var set) && set.Contains(grainId);

    private void Add<TGrain>(IEnumerable<string> keys) => ids[typeof(TGrain).FullName!] = new HashSet<string>(keys, StringComparer.Ordinal);
}
