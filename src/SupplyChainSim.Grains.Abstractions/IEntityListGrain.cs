using SupplyChainSim.Model.Agents;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Grains.Abstractions;

/// <summary>The run's Entity List (<c>&lt;run&gt;/entity-list</c>): shells caught with diverted lots, refused from the month after.</summary>
[Alias("scs.entity-list")]
public interface IEntityListGrain : ICheckpointedGrain
{
    [Alias("init")]
    Task Initialise(string run);

    /// <summary>The listed ones among the consignees.</summary>
    [Alias("listed")]
    Task<Immutable<IReadOnlyList<string>>> ListedAmong(Immutable<IReadOnlyList<string>> consignees);

    /// <summary>Lists the shells of the month's detections; returns the suppliers (intermediaries) caught by the month.</summary>
    [Alias("enforce")]
    Task<Immutable<IReadOnlyList<string>>> Enforce(YearMonth month, Immutable<IReadOnlyList<Detection>> detections, Immutable<IReadOnlyList<string>> suppliers);

    /// <summary>For the dashboard's grain-state view (it calls parameterless getters named GetState).</summary>
    [Alias("state")]
    Task<EntityListView?> GetState();
}
