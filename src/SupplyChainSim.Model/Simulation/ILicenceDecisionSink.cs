namespace SupplyChainSim.Model.Simulation;

/// <summary>
/// Where a run's licence decisions go as each month is stepped, so that they are never all held in memory. The model
/// names no file format: the output project's licences.csv writer is one.
/// </summary>
public interface ILicenceDecisionSink
{
    /// <summary>Takes the month's decisions (the month as it was stepped, decisions included).</summary>
    void Append(MonthReport month);
}
