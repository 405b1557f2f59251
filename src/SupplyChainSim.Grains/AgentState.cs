
namespace SupplyChainSim.Grains;

/// <summary>
/// The persisted state of an agent grain: the model object it hosts and the run it belongs to. The run's shared context
/// is not in it: that is held once per run (<see cref="RunContextGrain"/>) and cached once per silo (<see cref="RunContexts"/>).
/// </summary>
[GenerateSerializer, Alias("scs.agent-state")]
public sealed class AgentState<TAgent>
    where TAgent : class
{
    [Id(0)]
    public TAgent? Agent { get; set; }

    // Id 1 held the run's context until it was stored once per run; it is not reused.

    [Id(2)]
    public string? Run { get; set; }
}
