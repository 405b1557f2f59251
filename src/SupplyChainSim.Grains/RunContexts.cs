using System.Collections.Concurrent;
using SupplyChainSim.Grains.Abstractions;
using SupplyChainSim.Model.Simulation;

namespace SupplyChainSim.Grains;

/// <summary>
/// The shared context of each run, once per silo (a singleton the host registers): every agent grain of a run on this
/// silo holds the same object, fetched from the run's <see cref="IRunContextGrain"/> by the first of them to ask. The
/// context is read-only, so sharing it is safe.
/// </summary>
public sealed class RunContexts(IGrainFactory grains)
{
    private readonly ConcurrentDictionary<string, Task<SimulationContext>> byRun = new(StringComparer.Ordinal);

    public Task<SimulationContext> For(string run) => byRun.GetOrAdd(run, Fetch);

    /// <summary>Caches a context this silo already has (where the run is started, or the context grain lives).</summary>
    public void Put(string run, SimulationContext context) => byRun[run] = Task.FromResult(context);

    /// <summary>The run is over: its agents on this silo are released.</summary>
    public void Forget(string run) => byRun.TryRemove(run, out _);

    private async Task<SimulationContext> Fetch(string run)
    {
        try
        {
            return (await grains.GetGrain<IRunContextGrain>(GrainKeys.RunContext(run)).Get()).Value;
        }
        catch
        {
            Forget(run); // the next agent to ask tries again
            throw;
        }
    }
}
