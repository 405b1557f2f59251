
namespace SupplyChainSim.Grains;

/// <summary>
/// How the grains of a run keep their state on this silo, which the host configures: the silos of a cluster set
/// <see cref="Durable"/>, where grain state is in Redis and a run is durable; the embedded silo keeps the default.
/// </summary>
public sealed class RunDurabilityOptions
{
    /// <summary>
    /// Grain state outlives the silo: grains write it only when the coordinator checkpoints, never on deactivation, so that
    /// what is stored is always a whole month; and a released run's checkpoint slots are cleared with it.
    /// </summary>
    public bool Durable { get; set; }

    /// <summary>
    /// Whether a grain writes its state as Orleans deactivates it: not where state is durable (only checkpoints write it
    /// there), nor when the silo shuts down, since memory storage goes down with it (and its storage grains may already be gone).
    /// </summary>
    public bool WritesOnDeactivation(DeactivationReason reason) => !Durable && reason.ReasonCode != DeactivationReasonCode.ShuttingDown;
}
