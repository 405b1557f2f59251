namespace SupplyChainSim.Model.Simulation;

/// <summary>
/// Where a run's licence decisions go when nobody reads them (replications and compared regimes keep only their
/// outcomes): nowhere, at no cost. The run still counts them (<see cref="MonthReport.DecisionTally"/>).
/// </summary>
public sealed class UnreadDecisions : ILicenceDecisionSink
{
    public static readonly UnreadDecisions Instance = new();

    private UnreadDecisions()
    {
    }

    public void Append(MonthReport month)
    {
    }
}
