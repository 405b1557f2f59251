using SupplyChainSim.Model.Simulation;

namespace SupplyChainSim.Grains.Abstractions;

/// <summary>
/// The record of one month: its report. A grain per month, since a month's record (every licence decision) grows with the
/// world: one grain for the whole run would hold more than a checkpoint can write in one call.
/// </summary>
[Alias("scs.month-record")]
public interface IMonthRecordGrain : ICheckpointedGrain
{
    /// <summary>Records the month; recording it again keeps the later report (handlers are idempotent by month).</summary>
    [Alias("record")]
    Task Record(Immutable<MonthReport> report, string run);

    [Alias("report")]
    Task<Immutable<MonthReport>> Report();
}
