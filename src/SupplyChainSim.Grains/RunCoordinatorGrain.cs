using SupplyChainSim.Grains.Abstractions;
using SupplyChainSim.Model.Agents;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Worlds;

namespace SupplyChainSim.Grains;

/// <summary>
/// The coordinator: runs the model's month stepper with the agents in grains. One month at a time, phase by phase,
/// with a barrier between phases (the stepper awaits every reply before it starts the next phase).
/// A durable run (<see cref="Begin"/>, on a cluster) is checkpointed after every month, a part per call (<see cref="Commit"/>);
/// after any failure (a silo lost mid-month, this grain reactivated elsewhere) its next call first takes every grain of the
/// run back to the last whole checkpoint, so that the months after it are stepped again exactly as they were.
/// </summary>
public sealed class RunCoordinatorGrain([PersistentState("run")] IPersistentState<RunState> storage, RunContexts contexts, IOptions<RunDurabilityOptions> durability)
    : Grain, IRunCoordinatorGrain
{
    private GrainWorldHosts? hosts;
    private MonthStepper? stepper;

    /// <summary>A durable run whose grains may be ahead of (or lost since) the last checkpoint.</summary>
    private bool behindCheckpoint;

    private CheckpointSlots<StepperState>? stepperSlots;
    private CheckpointSlots<CommittedCheckpoint>? committed;

    private CheckpointSlots<StepperState> StepperSlots => stepperSlots ??= CheckpointSlots<StepperState>.Of(ServiceProvider, this.GetGrainId(), "stepper");

    private CheckpointSlots<CommittedCheckpoint> Committed => committed ??= CheckpointSlots<CommittedCheckpoint>.Of(ServiceProvider, this.GetGrainId(), "committed");

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // After a deactivation the run resumes from its stored world and stepper state; a durable run from its last checkpoint.
        if (storage.State is { World: { } world, Stepper: { } state }) Attach(world, state, storage.State.DecisionsStreamed);
        behindCheckpoint = storage.State is { Durable: true, World: not null };
        return Task.CompletedTask;
    }

    public async Task<bool> Begin(Immutable<World> world, string ticket)
    {
        if (stepper is not null || storage.State.World is not null) return false;
        contexts.Put(this.GetPrimaryKeyString(), world.Value.Context);
        Attach(world.Value, StepperState.For(world.Value), decisionsStreamed: false);
        storage.State.Ticket = ticket;
        storage.State.Durable = true;
        // The run's key is taken in storage first: a second client with the same key is refused from here on.
        await storage.WriteStateAsync();
        await DurablyAsync(async () =>
        {
            await hosts!.InitialiseAsync(world.Value);
            await hosts.RunContext.Checkpoint();
        });
        return true;
    }

    public Task<string?> Ticket() => Task.FromResult(storage.State.Durable ? storage.State.Ticket : null);

    public Task<int> Resume()
    {
        if (!storage.State.Durable || storage.State.World is null) throw new RunNotInProgressException($"run {this.GetPrimaryKeyString()} is not a durable run in progress");
        behindCheckpoint = true;
        return Task.FromResult(storage.State.World.Context.Months);
    }

    public Task<bool> Commit(int part) => DurablyAsync(async () =>
    {
        var slot = CheckpointSlots<StepperState>.For(Stepper.State.MonthsDone);
        var parts = Hosts.Parts;
        if (part < parts.Count) await Task.WhenAll(parts[part].Select(g => g.Save(slot)));
        if (part < parts.Count - 1) return true;
        await StepperSlots.WriteAsync(slot, Stepper.State);
        await Committed.WriteAsync(0, new CommittedCheckpoint { MonthsDone = Stepper.State.MonthsDone });
        return false;
    });

    /// <summary>Takes every grain of the run back to the last whole checkpoint (the start, before the first one).</summary>
    private async Task RecoverAsync()
    {
        var world = storage.State.World!;
        var run = this.GetPrimaryKeyString();
        contexts.Put(run, world.Context);
        var done = (await Committed.ReadAsync(0))?.MonthsDone ?? 0;
        if (done == 0)
        {
            Attach(world, StepperState.For(world), storage.State.DecisionsStreamed);
            await hosts!.InitialiseAsync(world);
            await hosts.RunContext.Checkpoint();
        }
        else
        {
            var slot = CheckpointSlots<StepperState>.For(done);
            var state = await StepperSlots.ReadAsync(slot)
                ?? throw new InvalidOperationException($"run {run}: the checkpoint after month {done} has no stepper state in slot {slot}");
            Attach(world, state, storage.State.DecisionsStreamed);
            foreach (var part in hosts!.Parts) await Task.WhenAll(part.Select(g => g.Restore(slot)));
        }
        behindCheckpoint = false;
    }

    /// <summary>In a durable run, any failure leaves the grains to be taken back to the checkpoint on the next call.</summary>
    private async Task<T> DurablyAsync<T>(Func<Task<T>> work)
    {
        if (!storage.State.Durable) return await work();
        if (behindCheckpoint) await RecoverAsync();
        try
        {
            return await work();
        }
        catch
        {
            behindCheckpoint = true;
            throw;
        }
    }

    private Task DurablyAsync(Func<Task> work) => DurablyAsync(async () =>
    {
        await work();
        return true;
    });

    public async Task Start(Immutable<World> world, bool decisionsStreamed = false)
    {
        if (stepper is not null && !storage.State.Recycled) throw new InvalidOperationException($"run {this.GetPrimaryKeyString()} has already started");
        storage.State.Recycled = false;
        // The agents this silo hosts take the context from here, without a call to the run's context grain.
        contexts.Put(this.GetPrimaryKeyString(), world.Value.Context);
        Attach(world.Value, StepperState.For(world.Value), decisionsStreamed);
        await hosts!.InitialiseAsync(world.Value);
    }

    public Task<Immutable<MonthReport>> StepMonth() => DurablyAsync(async () => (await Stepper.StepAsync()).AsImmutable());

    public Task<bool> IsFinished() => DurablyAsync(() => Task.FromResult(Stepper.Finished));

    public Task<Immutable<RunResults>> GetResults() => DurablyAsync(async () => (await Finished.ResultsAsync()).AsImmutable());

    public Task<Immutable<IReadOnlyList<BreachStanding>>> GetEndStandings() =>
        DurablyAsync(() => Task.FromResult(((IReadOnlyList<BreachStanding>)[.. Finished.State.Standings.Values]).AsImmutable()));

    public async Task<bool> Checkpoint(int part)
    {
        var parts = Hosts.Parts;
        if (part < parts.Count) await Task.WhenAll(parts[part].Select(g => g.Checkpoint()));
        if (part < parts.Count - 1) return true;
        await Hosts.RunContext.Checkpoint();
        await storage.WriteStateAsync();
        return false;
    }

    public Task Recycle()
    {
        if (storage.State.Durable || !Stepper.Finished)
            throw new InvalidOperationException($"run {this.GetPrimaryKeyString()} cannot be recycled: only a finished run that is not durable can");
        // Kept with the run's state, so that a coordinator deactivated between two replications still takes the next.
        storage.State.Recycled = true;
        return Task.CompletedTask;
    }

    public async Task<bool> Release(int part)
    {
        if (storage.State.World is null) return false; // released already
        var parts = Hosts.Parts;
        if (part < parts.Count) await Task.WhenAll(parts[part].Select(g => g.Release()));
        if (part < parts.Count - 1) return true;
        await Hosts.RunContext.Release();
        contexts.Forget(this.GetPrimaryKeyString());
        if (durability.Value.Durable)
        {
            await StepperSlots.ClearAsync();
            await Committed.ClearAsync();
        }
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
        if (storage.State.World is not null && durability.Value.WritesOnDeactivation(reason)) await storage.WriteStateAsync(cancellationToken);
        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    private MonthStepper Stepper => stepper ?? throw NotStarted();

    /// <summary>The stepper of a run that has stepped all its months.</summary>
    private MonthStepper Finished => Stepper.Finished ? Stepper
        : throw new InvalidOperationException($"the run has stepped {Stepper.State.MonthsDone} of {storage.State.World!.Context.Months} months");

    private GrainWorldHosts Hosts => hosts ?? throw NotStarted();

    private RunNotInProgressException NotStarted() => new($"run {this.GetPrimaryKeyString()} has not been started, or its state is gone");

    private void Attach(World world, StepperState state, bool decisionsStreamed)
    {
        hosts = new GrainWorldHosts(GrainFactory, this.GetPrimaryKeyString(), world, decisionsStreamed);
        stepper = new MonthStepper(world, hosts, state);
        storage.State.World = world;
        storage.State.Stepper = state;
        storage.State.DecisionsStreamed = decisionsStreamed;
    }
}
