using SupplyChainSim.Grains.Abstractions;
using SupplyChainSim.Model.Phases;
using SupplyChainSim.Model.Simulation;

namespace SupplyChainSim.Grains;

/// <summary>
/// A thin actor around one model object of a run (an agent, or a month's record): the object holds the state and the
/// rules; the grain keeps it in grain storage, written on checkpoint and when Orleans deactivates the grain (<see
/// cref="RunDurabilityOptions"/>), and read back when it is activated again. Every phase reaches an agent through <see
/// cref="Ask{TReply}"/>: the operation applies itself to the object, as it does in memory.
/// </summary>
public abstract class CheckpointedGrain<TAgent>(IPersistentState<AgentState<TAgent>> storage, RunContexts contexts, IOptions<RunDurabilityOptions> durability) : Grain
    where TAgent : class
{
    private SimulationContext? context;

    protected TAgent Agent => storage.State.Agent ?? throw NotInitialised();

    /// <summary>The run's shared context: the same object for every agent of the run on this silo.</summary>
    protected SimulationContext Context => context ?? throw NotInitialised();

    /// <summary>Takes up the agent that <paramref name="create"/> makes from the run's context.</summary>
    protected async Task Hold(string run, Func<SimulationContext, TAgent> create)
    {
        context = await contexts.For(run);
        storage.State.Run = run;
        storage.State.Agent = create(context);
    }

    /// <summary>Takes up the agent <paramref name="plan"/> makes (<see cref="IAgentGrain{TAgent}.Initialise"/>).</summary>
    public Task Initialise(Immutable<IAgentPlan<TAgent>> plan, string run) => Hold(run, plan.Value.Create);

    /// <summary>Applies one operation of a phase to the agent (<see cref="IAgentGrain{TAgent}.Ask{TReply}"/>).</summary>
    public Task<Immutable<TReply>> Ask<TReply>(Immutable<IOperation<TAgent, TReply>> operation) =>
        Task.FromResult(operation.Value.ApplyTo(Agent, Context).AsImmutable());

    /// <summary>The agent, or null before initialisation and after release (the dashboard may ask at any time).</summary>
    protected TAgent? Held => storage.State.Agent;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Reactivated after a deactivation: the agent comes back from storage, the context from this silo's cache.
        if (storage.State is { Agent: not null, Run: { } run }) context = await contexts.For(run);
        await base.OnActivateAsync(cancellationToken);
    }

    public Task Checkpoint() => storage.State.Agent is null ? Task.CompletedTask : storage.WriteStateAsync();

    private CheckpointSlots<AgentState<TAgent>>? slots;

    private CheckpointSlots<AgentState<TAgent>> Slots => slots ??= CheckpointSlots<AgentState<TAgent>>.Of(ServiceProvider, this.GetGrainId());

    /// <summary>Writes the agent (or its absence, for a month not yet recorded) to a checkpoint slot of a durable run.</summary>
    public Task Save(int slot) => Slots.WriteAsync(slot, storage.State);

    /// <summary>Takes the agent back as the slot holds it: the run goes back to its last whole checkpoint.</summary>
    public async Task Restore(int slot)
    {
        var saved = await Slots.ReadAsync(slot);
        storage.State.Agent = saved?.Agent;
        storage.State.Run = saved?.Run;
        context = saved is { Agent: not null, Run: { } run } ? await contexts.For(run) : null;
    }

    /// <summary>The run is over: forget the agent and its stored state, and deactivate.</summary>
    public async Task Release()
    {
        await storage.ClearStateAsync();
        if (durability.Value.Durable) await Slots.ClearAsync();
        if (storage.State.Run is { } run) contexts.Forget(run);
        storage.State.Agent = null;
        storage.State.Run = null;
        context = null;
        DeactivateOnIdle();
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (storage.State.Agent is not null && durability.Value.WritesOnDeactivation(reason)) await storage.WriteStateAsync(cancellationToken);
        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    private InvalidOperationException NotInitialised() =>
        new($"{GetType().Name} {this.GetPrimaryKeyString()} was called before the coordinator initialised it");
}
