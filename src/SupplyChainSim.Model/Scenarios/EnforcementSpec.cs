
namespace SupplyChainSim.Model.Scenarios;

/// <summary>How likely each check is to catch a diverted lot (exporter monitoring comes with the licence conditions).</summary>
public sealed record EnforcementSpec
{
    /// <summary>Per lot and per country it passes through: this times the country's customsEnforcement.</summary>
    [ValueRange(0, 1, Is = "a probability")]
    public double HubCustomsDetection { get; init; }

    /// <summary>Per diverted lot that carries a location-verification condition.</summary>
    [ValueRange(0, 1, Is = "a probability")]
    public double LocationVerificationDetection { get; init; } = 0.5;
}
