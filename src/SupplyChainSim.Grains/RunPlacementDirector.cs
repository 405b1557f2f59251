using Orleans.Runtime.Placement;
using SupplyChainSim.Grains.Abstractions;

namespace SupplyChainSim.Grains;

public sealed class RunPlacementDirector : IPlacementDirector
{
    private int next;

    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var silos = context.GetCompatibleSilos(target);
        if (GrainKeys.SiloIndex(target.GrainIdentity.Key.ToString()!) is { } index)
        {
            var ordered = silos.OrderBy(s => s.ToParsableString(), StringComparer.Ordinal).ToArray();
            return Task.FromResult(ordered[index % ordered.Length]);
        }
        return Task.FromResult(silos[(int)((uint)Interlocked.Increment(ref next) % (uint)silos.Length)]);
    }
}
