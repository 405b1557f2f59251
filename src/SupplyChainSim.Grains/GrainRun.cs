using SupplyChainSim.Grains.Abstractions;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Worlds;

namespace SupplyChainSim.Grains;

/// <summary>Drives a run from outside the coordinator: start it, step every month, keep what each month returns, checkpoint.</summary>
public static class GrainRun
{
    /// <param name="runKey">Unique per run on a cluster: every grain of the run is keyed under it.</param>
    /// <param name="onMonth">Called with each month's report before the next month is stepped (the live view paces the run here).</param>
    /// <param name="release">Clear the run's grains and stored state at the end (replications), instead of checkpointing it.</param>
    /// <param name="licences">Write each month's decisions here as it is stepped; the results then hold only their counts.</param>
    /// <param name="recycle">
    /// Keep the run's grains active for the next run under this key (<see cref="IRunCoordinatorGrain.Recycle"/>), instead
    /// of releasing or checkpointing them: replications in turn on one key activate their grains once.
    /// </param>
    public static async Task<RunResults> RunAsync(
        IGrainFactory grains, World world, string runKey, Func<MonthReport, CancellationToken, Task>? onMonth = null, CancellationToken cancellationToken = default,
        bool release = false, ILicenceDecisionSink? licences = null, bool recycle = false)
    {
        var run = grains.GetGrain<IRunCoordinatorGrain>(runKey);
        await run.Start(world.AsImmutable(), licences is not null);
        // The results are put together here from the months' replies, as the run's month records hold them; the records
        // are read back only by a client that takes over a run (ClusterRun).
        var recorder = RunRecorder.For(world);
        while (!await run.IsFinished())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var month = (await run.StepMonth()).Value;
            licences?.Append(month);
            recorder.Months.Add(licences is null ? month : month.WithDecisionsStreamed());
            if (onMonth is not null) await onMonth(month, cancellationToken);
        }
        var results = recorder.Results() with { EndStandings = (await run.GetEndStandings()).Value };
        if (recycle) await run.Recycle();
        else if (release) await ReleaseAsync(run);
        else await CheckpointAsync(run);
        return results;
    }

    /// <summary>Writes every grain of the run to storage, a part per call, so that no call nears the response timeout.</summary>
    public static async Task CheckpointAsync(IRunCoordinatorGrain run)
    {
        for (var part = 0; await run.Checkpoint(part); part++)
        {
        }
    }

    /// <summary>Clears the run's grains and stored state, a part per call.</summary>
    public static async Task ReleaseAsync(IRunCoordinatorGrain run)
    {
        for (var part = 0; await run.Release(part); part++)
        {
        }
    }
}
