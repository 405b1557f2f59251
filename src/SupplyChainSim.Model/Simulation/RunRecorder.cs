
namespace SupplyChainSim.Model.Simulation;

/// <summary>The recorder: keeps each month's report in order.</summary>
public sealed class RunRecorder
{
    public required RunInfo Info { get; init; }

    public List<MonthReport> Months { get; init; } = [];

    public static RunRecorder For(Worlds.World world) => new()
    {
        Info = new RunInfo(world.ScenarioName, world.Description, world.Context.Seed, world.Context.Start, world.Context.Months,
            world.Context.Regime, world.AgentCount)
        {
            Thresholds = world.Context.Thresholds, Draws = world.Draws, CalibrationTargets = world.CalibrationTargets,
        },
    };

    /// <summary>Records a month; recording the same month twice keeps the later report (handlers are idempotent by month).</summary>
    public void Record(MonthReport report)
    {
        Months.RemoveAll(m => m.Month == report.Month);
        Months.Add(report);
        Months.Sort((a, b) => a.Month.CompareTo(b.Month));
    }

    public RunResults Results() => new(Info, [.. Months]);
}
