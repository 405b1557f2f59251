using SupplyChainSim.Model.Simulation;

namespace SupplyChainSim.Model.Market;

/// <summary>The grey market as the world sets it up: its spec, and the networks that may form on it, in id order.</summary>
public sealed record GreyMarketPlan(GreyMarketSpec Spec, IReadOnlyList<PotentialNetwork> Potential) : IAgentPlan<GreyMarket>
{
    public GreyMarket Create(SimulationContext context) => new() { Spec = Spec, Potential = [.. Potential] };
}
