
namespace SupplyChainSim.Model.Exploration;

/// <summary>
/// An outcome of a point that sensitivity and scenario discovery can use: its column in explore.csv, what it is in
/// words, and its value at a point.
/// </summary>
public sealed record ExploreMeasure(string Column, string Title, Func<ExplorePoint, double> Value, bool IsProbability);
