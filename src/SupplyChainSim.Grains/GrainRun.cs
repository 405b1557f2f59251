using SupplyChainSim.Grains.Abstractions;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Worlds;

namespace SupplyChainSim.Grains;

/// <summary>Drives a run from outside the coordinator: start it, step every month, checkpoint, fetch the results.</summary>
public static class GrainRun
{
    /// <param name="runKey">Unique per run on a cluster: every grain of the run is keyed under it.</param>
    public static async Task<RunResults> RunAsync(
        IGrainFactory grains, World world, string runKey, Action<MonthReport>? onMonth = null, CancellationToken cancellationToken = default)
    {
        var run = grains.GetGrain<IRunCoordinatorGrain>(runKey);
        await run.Start(world.AsImmutable());
        while (!await run.IsFinished())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var month = (await run.StepMonth()).Value;
            onMonth?.Invoke(month);
        }
        await run.Checkpoint();
        return (await run.GetResults()).Value;
    }
}
