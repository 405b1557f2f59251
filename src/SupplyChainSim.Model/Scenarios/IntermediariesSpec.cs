
namespace SupplyChainSim.Model.Scenarios;

public sealed record IntermediariesSpec
{
    public IReadOnlyList<IntermediarySpec> List { get; init; } = [];

    public IReadOnlyList<IntermediaryGenerator> Generate { get; init; } = [];
}
