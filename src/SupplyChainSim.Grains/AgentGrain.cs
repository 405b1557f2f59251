using SupplyChainSim.Model.Simulation;

namespace SupplyChainSim.Grains;

/// <summary>The persisted state of an agent grain: the model object it hosts and the run's shared context.</summary>
[GenerateSerializer, Alias("scs.agent-state")]
public sealed class AgentState<TAgent>
    where TAgent : class
{
    [Id(0)]
    public TAgent? Agent { get; set; }

    [Id(1)]
    public SimulationContext? Context { get; set; }
}

/// <summary>
/// A thin actor around one model object: the object holds the state and the rules; the grain keeps it in grain storage,
/// written on checkpoint and when Orleans deactivates the grain, and read back when it is activated again.
/// </summary>
public abstract class AgentGrain<TAgent>(IPersistentState<AgentState<TAgent>> storage) : Grain
    where TAgent : class
{
    protected TAgent Agent => storage.State.Agent ?? throw NotInitialised();

    protected SimulationContext Context => storage.State.Context ?? throw NotInitialised();

    protected void Hold(TAgent agent, SimulationContext? context = null)
    {
        storage.State.Agent = agent;
        storage.State.Context = context;
    }

    /// <summary>The agent, or null before initialisation and after release (the dashboard may ask at any time).</summary>
    protected TAgent? Held => storage.State.Agent;

    public Task Checkpoint() => storage.State.Agent is null ? Task.CompletedTask : storage.WriteStateAsync();

    /// <summary>The run is over: forget the agent and its stored state, and deactivate.</summary>
    public async Task Release()
    {
        await storage.ClearStateAsync();
        storage.State.Agent = null;
        storage.State.Context = null;
        DeactivateOnIdle();
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (storage.State.Agent is not null && GrainStorage.Persists(reason)) await storage.WriteStateAsync(cancellationToken);
        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    private InvalidOperationException NotInitialised() =>
        new($"{GetType().Name} {this.GetPrimaryKeyString()} was called before the coordinator initialised it");
}

public static class GrainStorage
{
    /// <summary>
    /// Whether state is worth writing on this deactivation: not when the silo shuts down, since memory storage goes
    /// down with it (and its storage grains may already be gone).
    /// </summary>
    public static bool Persists(DeactivationReason reason) => reason.ReasonCode != DeactivationReasonCode.ShuttingDown;
}
