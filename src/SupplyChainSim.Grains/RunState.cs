using SupplyChainSim.Grains.Abstractions;
using SupplyChainSim.Model.Simulation;
using SupplyChainSim.Model.Worlds;

namespace SupplyChainSim.Grains;

[GenerateSerializer, Alias("scs.run-state")]
public sealed class RunState
{
    [Id(0)]
    public World? World { get; set; }

    [Id(1)]
    public StepperState? Stepper { get; set; }

    /// <summary>What the client needs to finish a durable run it did not start (<c>run --resume</c>): opaque here.</summary>
    [Id(2)]
    public string? Ticket { get; set; }

    /// <summary>A durable run: checkpointed every month, and taken back to the last checkpoint after any failure.</summary>
    [Id(3)]
    public bool Durable { get; set; }

    /// <summary>The client writes the decisions as it steps the months (<see cref="IRunCoordinatorGrain.Start"/>).</summary>
    [Id(4)]
    public bool DecisionsStreamed { get; set; }

    /// <summary>The run finished and was recycled (<see cref="IRunCoordinatorGrain.Recycle"/>): the next start begins another on its grains.</summary>
    [Id(5)]
    public bool Recycled { get; set; }
}
