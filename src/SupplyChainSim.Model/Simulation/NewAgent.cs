namespace SupplyChainSim.Model.Simulation;

/// <summary>The plan of an agent that starts empty and needs nothing from the world to be made (the Entity List).</summary>
public sealed record NewAgent<TAgent> : IAgentPlan<TAgent>
    where TAgent : new()
{
    public TAgent Create(SimulationContext context) => new();
}
