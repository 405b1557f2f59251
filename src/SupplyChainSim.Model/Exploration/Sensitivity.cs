
namespace SupplyChainSim.Model.Exploration;

/// <summary>One outcome's partial rank correlation with each input.</summary>
public sealed record Sensitivity(ExploreMeasure Measure, IReadOnlyList<RankCorrelation> ByInput);
