using SupplyChainSim.Grains.Abstractions;
using SupplyChainSim.Model.Simulation;

namespace SupplyChainSim.Grains;

/// <summary>One month's report, as the stepper recorded it.</summary>
public sealed class MonthRecordGrain([PersistentState("month")] IPersistentState<AgentState<MonthReport>> storage, RunContexts contexts, IOptions<RunDurabilityOptions> durability)
    : CheckpointedGrain<MonthReport>(storage, contexts, durability), IMonthRecordGrain
{
    public Task Record(Immutable<MonthReport> report, string run) => Hold(run, _ => report.Value);

    public Task<Immutable<MonthReport>> Report() => Task.FromResult(Agent.AsImmutable());
}
