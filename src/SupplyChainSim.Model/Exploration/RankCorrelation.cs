
namespace SupplyChainSim.Model.Exploration;

/// <summary>
/// A partial rank correlation coefficient: how strongly an outcome rises (toward +1) or falls (toward -1) with one
/// input once the other inputs are accounted for, for any monotone relation, linear or not. <see cref="PValue"/> is
/// the two-sided p-value of the hypothesis that it is 0 (Student's t with n - 2 - (inputs - 1) degrees of freedom).
/// NaN when it cannot be measured: the outcome or the input did not vary, or there are too few points.
/// </summary>
public sealed record RankCorrelation(double Value, double PValue)
{
    public bool Measured => !double.IsNaN(Value);
}
