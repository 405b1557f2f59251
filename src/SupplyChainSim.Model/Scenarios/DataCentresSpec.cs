
namespace SupplyChainSim.Model.Scenarios;

public sealed record DataCentresSpec
{
    /// <summary>Data centres listed one by one.</summary>
    public IReadOnlyList<DataCentreSpec> Sites { get; init; } = [];

    /// <summary>Data centres generated from counts and distributions.</summary>
    public IReadOnlyList<DataCentreGenerator> Generate { get; init; } = [];
}
