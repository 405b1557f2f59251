using SupplyChainSim.Grains.Abstractions;
using SupplyChainSim.Model.Simulation;

namespace SupplyChainSim.Grains;

/// <summary>The run's shared context, stored once for the run: agent grains fetch it through their silo's <see cref="RunContexts"/>.</summary>
public sealed class RunContextGrain([PersistentState("context")] IPersistentState<RunContextState> storage, RunContexts contexts, IOptions<RunDurabilityOptions> durability)
    : Grain, IRunContextGrain
{
    private string Run => GrainKeys.RunOfContext(this.GetPrimaryKeyString());

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (storage.State.Context is { } context) contexts.Put(Run, context);
        return base.OnActivateAsync(cancellationToken);
    }

    public Task Hold(Immutable<SimulationContext> context)
    {
        storage.State.Context = context.Value;
        contexts.Put(Run, context.Value);
        return Task.CompletedTask;
    }

    public Task<Immutable<SimulationContext>> Get() =>
        Task.FromResult((storage.State.Context ?? throw new InvalidOperationException($"run context {this.GetPrimaryKeyString()} was asked for before the run started")).AsImmutable());

    // The context never changes during a run: it is written once when a durable run begins, and read back on activation.
    public Task Save(int slot) => Task.CompletedTask;

    public Task Restore(int slot) => Task.CompletedTask;

    public Task Checkpoint() => storage.State.Context is null ? Task.CompletedTask : storage.WriteStateAsync();

    public async Task Release()
    {
        await storage.ClearStateAsync();
        storage.State.Context = null;
        contexts.Forget(Run);
        DeactivateOnIdle();
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (storage.State.Context is not null && durability.Value.WritesOnDeactivation(reason)) await storage.WriteStateAsync(cancellationToken);
        await base.OnDeactivateAsync(reason, cancellationToken);
    }
}
