namespace SupplyChainSim.Model.Simulation;

/// <summary>
/// Where the agents live. <see cref="InMemoryWorldHosts"/> keeps them as plain objects; the grains project keeps each
/// chipmaker, country and block, the Entity List and the magnet exporter in a grain. The month stepper cannot tell the
/// difference (it calls every kind through <see cref="IAgents{TAgent}"/>), which is what lets the same run be checked,
/// and timed, with and without Orleans.
/// </summary>
public interface IWorldHosts
{
    /// <summary>The world's agents kind by kind, as the stepper calls them.</summary>
    WorldAgents Agents { get; }

    /// <summary>
    /// A host for the agents of one kind: one agent made from each plan, addressed by the plan's place in
    /// <paramref name="plans"/>. <see cref="WorldAgents"/> asks for one per kind.
    /// </summary>
    IAgents<TAgent> Host<TAgent>(IReadOnlyList<IAgentPlan<TAgent>> plans)
        where TAgent : class;

    /// <summary>Makes the world's agents as the run starts.</summary>
    Task InitialiseAsync(Worlds.World world);

    /// <summary>Records the month's report.</summary>
    Task Record(MonthReport report);

    /// <summary>Every month's record, in order (<see cref="MonthStepper.ResultsAsync"/> adds where each breach stood at the end).</summary>
    Task<RunResults> ResultsAsync();
}
