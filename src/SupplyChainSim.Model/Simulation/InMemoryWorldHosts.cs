namespace SupplyChainSim.Model.Simulation;

/// <summary>
/// Agents as plain objects in this process, called directly: the reference the grain-hosted run must match exactly,
/// and the floor it is timed against. <see cref="Parallel"/> runs each phase's calls on the thread pool at once, as a
/// silo runs its grains on every core; the stepper puts the replies in a fixed order, so the results are the same.
/// </summary>
public sealed class InMemoryWorldHosts : IWorldHosts
{
    /// <summary>Each call to an agent on a thread-pool thread of its own, so a phase's calls run in parallel.</summary>
    public bool Parallel { get; init; }

    /// <summary>Where the run's decisions go as each month is recorded; the recorded months keep only their counts.</summary>
    public ILicenceDecisionSink? Licences { get; init; }

    private SimulationContext context = null!;
    private RunRecorder recorder = null!;

    public WorldAgents Agents { get; private set; } = null!;

    public IAgents<TAgent> Host<TAgent>(IReadOnlyList<IAgentPlan<TAgent>> plans)
        where TAgent : class =>
        new InMemoryAgents<TAgent>(plans.Select(plan => plan.Create(context)).ToList(), context, Parallel);

    public Task InitialiseAsync(Worlds.World world)
    {
        context = world.Context;
        Agents = new WorldAgents(world, this);
        recorder = RunRecorder.For(world);
        return Task.CompletedTask;
    }

    public Task Record(MonthReport report)
    {
        if (Licences is { } log)
        {
            log.Append(report);
            report = report.WithDecisionsStreamed();
        }
        recorder.Record(report);
        return Task.CompletedTask;
    }

    public Task<RunResults> ResultsAsync() => Task.FromResult(recorder.Results());

    /// <summary>Runs a whole world in this process, month by month.</summary>
    /// <param name="licences">Stream the decisions here as each month is recorded, instead of holding them in the results.</param>
    /// <param name="parallel">Run each phase's calls in parallel (<see cref="Parallel"/>).</param>
    public static async Task<RunResults> RunAsync(Worlds.World world, Action<MonthReport>? onMonth = null, ILicenceDecisionSink? licences = null, bool parallel = false)
    {
        var hosts = new InMemoryWorldHosts { Licences = licences, Parallel = parallel };
        await hosts.InitialiseAsync(world);
        var stepper = new MonthStepper(world, hosts);
        while (!stepper.Finished)
        {
            var report = await stepper.StepAsync();
            onMonth?.Invoke(report);
        }
        return await stepper.ResultsAsync();
    }
}
