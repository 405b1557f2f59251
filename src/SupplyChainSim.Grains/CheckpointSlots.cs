using Microsoft.Extensions.DependencyInjection;
using Orleans.Providers;
using Orleans.Storage;

namespace SupplyChainSim.Grains;

/// <summary>
/// A grain's state in the two checkpoint slots of a durable run (a run on a cluster of silos): the checkpoint after month
/// m goes to slot m % 2, so the slot of the last complete checkpoint is never overwritten while the next one is written,
/// and a silo lost half-way through a checkpoint leaves the previous one whole.
/// </summary>
public sealed class CheckpointSlots<T>(IGrainStorage store, GrainId grain, string name)
    where T : class
{
    private readonly GrainState<T>?[] slots = new GrainState<T>?[2];

    /// <param name="name">Tells apart the states one grain keeps in slots.</param>
    public static CheckpointSlots<T> Of(IServiceProvider services, GrainId grain, string name = "checkpoint") =>
        new(services.GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME), grain, name);

    public static int For(int monthsDone) => monthsDone % 2;

    public async Task WriteAsync(int slot, T? state)
    {
        // The storage refuses a write that does not name the stored version (its ETag): learn it first in a new activation.
        var saved = slots[slot] ?? await ReadSlotAsync(slot);
        saved.State = state!;
        await store.WriteStateAsync(Name(slot), grain, saved);
    }

    /// <summary>The state in the slot, or null where nothing (or an empty state) was written there.</summary>
    public async Task<T?> ReadAsync(int slot)
    {
        var saved = await ReadSlotAsync(slot);
        return saved.RecordExists ? saved.State : null;
    }

    public async Task ClearAsync()
    {
        for (var slot = 0; slot < slots.Length; slot++)
        {
            var saved = slots[slot] ?? await ReadSlotAsync(slot);
            if (saved.RecordExists) await store.ClearStateAsync(Name(slot), grain, saved);
            slots[slot] = null;
        }
    }

    private async Task<GrainState<T>> ReadSlotAsync(int slot)
    {
        var saved = new GrainState<T>();
        await store.ReadStateAsync(Name(slot), grain, saved);
        return slots[slot] = saved;
    }

    private string Name(int slot) => $"{name}@{slot}";
}
