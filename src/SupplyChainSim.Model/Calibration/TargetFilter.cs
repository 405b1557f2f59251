
namespace SupplyChainSim.Model.Calibration;

/// <summary>Deliveries or countries a metric counts; an empty list counts them all.</summary>
public sealed record TargetFilter
{
    public IReadOnlyList<string> Countries { get; init; } = [];

    public IReadOnlyList<string> ChipModels { get; init; } = [];

    public IReadOnlyList<string> Sellers { get; init; } = [];

    /// <summary>"licensed", "exempt", "smuggled".</summary>
    public IReadOnlyList<string> Routes { get; init; } = [];
}
