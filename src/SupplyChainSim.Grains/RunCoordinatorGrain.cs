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

    /// <summary>The client writes the decisions as it steps the months (<see cref="IRunCoordinatorGrain.Start"/>).</summary>
    [Id(2)]
    public bool DecisionsStreamed { get; set; }
}

/// <summary>
/// The coordinator: runs the model's month stepper with the agents in grains. One month at a time, phase by phase,
/// with a barrier between phases (the stepper awaits every reply before it starts the next phase).
/// </summary>
public sealed class RunCoordinatorGrain([PersistentState("run")] IPersistentState<RunState> storage, RunContexts contexts) : Grain, IRunCoordinatorGrain
{
    private GrainWorldHosts? hosts;
    private MonthStepper? stepper;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // After a deactivation the run resumes from its stored world and stepper state.
        if (storage.State is { World: { } world, Stepper: { } state }) Attach(world, state, storage.State.DecisionsStreamed);
        return Task.CompletedTask;
    }

    public async Task Start(Immutable<World> world, bool decisionsStreamed = false)
    {
        if (stepper is not null) throw new InvalidOperationException($"run {this.GetPrimaryKeyString()} has already started");
        // The agents this silo hosts take the context from here, without a call to the run's context grain.
        contexts.Put(this.GetPrimaryKeyString(), world.Value.Context);
        Attach(world.Value, StepperState.For(world.Value), decisionsStreamed);
        await hosts!.InitialiseAsync(world.Value);
    }

    public async Task<Immutable<MonthReport>> StepMonth() => (await Stepper.StepAsync()).AsImmutable();

    public Task<bool> IsFinished() => Task.FromResult(Stepper.Finished);

    public async Task<Immutable<RunResults>> GetResults()
    {
        if (!Stepper.Finished) throw new InvalidOperationException($"the run has stepped {Stepper.State.MonthsDone} of {storage.State.World!.Context.Months} months");
        return (await hosts!.ResultsAsync()).AsImmutable();
    }

    public async Task<bool> Checkpoint(int part)
    {
        var parts = Hosts.Parts;
        if (part < parts.Count) await Task.WhenAll(parts[part].Select(g => g.Checkpoint()));
        if (part < parts.Count - 1) return true;
        await Hosts.RunContext.Checkpoint();
        await storage.WriteStateAsync();
        return false;
    }

    public async Task<bool> Release(int part)
    {
        if (storage.State.World is null) return false; // released already
        var parts = Hosts.Parts;
        if (part < parts.Count) await Task.WhenAll(parts[part].Select(g => g.Release()));
        if (part < parts.Count - 1) return true;
        await Hosts.RunContext.Release();
        contexts.Forget(this.GetPrimaryKeyString());
        await storage.ClearStateAsync();
        storage.State.World = null;
        storage.State.Stepper = null;
        hosts = null;
        stepper = null;
        DeactivateOnIdle();
        return false;
    }

    public Task<long> GetGrainCalls() => Task.FromResult(hosts?.Calls ?? 0);

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (storage.State.World is not null && GrainStorage.Persists(reason)) await storage.WriteStateAsync(cancellationToken);
        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    private MonthStepper Stepper => stepper ?? throw NotStarted();

    private GrainWorldHosts Hosts => hosts ?? throw NotStarted();

    private InvalidOperationException NotStarted() => new($"run {this.GetPrimaryKeyString()} has not been started");

    private void Attach(World world, StepperState state, bool decisionsStreamed)
    {
        hosts = new GrainWorldHosts(GrainFactory, this.GetPrimaryKeyString(), world, decisionsStreamed);
        stepper = new MonthStepper(world, hosts, state);
        storage.State.World = world;
        storage.State.Stepper = state;
        storage.State.DecisionsStreamed = decisionsStreamed;
    }
}
