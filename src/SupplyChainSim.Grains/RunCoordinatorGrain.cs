using SupplyChainSim.Grains.Abstractions;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Worlds;

namespace SupplyChainSim.Grains;

[GenerateSerializer, Alias("scs.run-state")]
public sealed class RunState
{
    [Id(0)]
    public World? World { get; set; }

    [Id(1)]
    public StepperState? Stepper { get; set; }
}

/// <summary>
/// The coordinator: runs the model's month stepper with the agents in grains. One month at a time, phase by phase,
/// with a barrier between phases (the stepper awaits every reply before it starts the next phase).
/// </summary>
public sealed class RunCoordinatorGrain([PersistentState("run")] IPersistentState<RunState> storage) : Grain, IRunCoordinatorGrain
{
    private GrainWorldHosts? hosts;
    private MonthStepper? stepper;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // After a deactivation the run resumes from its stored world and stepper state.
        if (storage.State is { World: { } world, Stepper: { } state }) Attach(world, state);
        return Task.CompletedTask;
    }

    public async Task Start(Immutable<World> world)
    {
        if (stepper is not null) throw new InvalidOperationException($"run {this.GetPrimaryKeyString()} has already started");
        Attach(world.Value, StepperState.For(world.Value));
        await hosts!.InitialiseAsync(world.Value);
    }

    public async Task<Immutable<MonthReport>> StepMonth() => (await Stepper.StepAsync()).AsImmutable();

    public Task<bool> IsFinished() => Task.FromResult(Stepper.Finished);

    public async Task<Immutable<RunResults>> GetResults()
    {
        if (!Stepper.Finished) throw new InvalidOperationException($"the run has stepped {Stepper.State.MonthsDone} of {storage.State.World!.Context.Months} months");
        return (await hosts!.ResultsAsync()).AsImmutable();
    }

    public async Task Checkpoint()
    {
        await hosts!.CheckpointAsync(storage.State.World!);
        await storage.WriteStateAsync();
    }

    public async Task Release()
    {
        if (storage.State.World is { } world) await hosts!.ReleaseAsync(world);
        await storage.ClearStateAsync();
        storage.State.World = null;
        storage.State.Stepper = null;
        hosts = null;
        stepper = null;
        DeactivateOnIdle();
    }

    public Task<long> GetGrainCalls() => Task.FromResult(hosts?.Calls ?? 0);

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (storage.State.World is not null && GrainStorage.Persists(reason)) await storage.WriteStateAsync(cancellationToken);
        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    private MonthStepper Stepper => stepper ?? throw new InvalidOperationException($"run {this.GetPrimaryKeyString()} has not been started");

    private void Attach(World world, StepperState state)
    {
        hosts = new GrainWorldHosts(GrainFactory, this.GetPrimaryKeyString());
        stepper = new MonthStepper(world, hosts, state);
        storage.State.World = world;
        storage.State.Stepper = state;
    }
}
