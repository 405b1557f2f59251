
namespace SupplyChainSim.Grains;

public static class GrainStorage
{
    /// <summary>Whether state is written on deactivation at all: not on a cluster's silos (<see cref="CheckpointsOnly"/>).</summary>
    public static bool Persists(IServiceProvider services, DeactivationReason reason) =>
        Persists(reason) && services.GetService(typeof(CheckpointsOnly)) is null;

    /// <summary>
    /// Whether state is worth writing on this deactivation: not when the silo shuts down, since memory storage goes
    /// down with it (and its storage grains may already be gone).
    /// </summary>
    public static bool Persists(DeactivationReason reason) => reason.ReasonCode != DeactivationReasonCode.ShuttingDown;
}
