using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Statistics;

namespace SupplyChainSim.Model.Exploration;

/// <summary>
/// Partial rank correlation (PRCC; Marino, Hogue, Ray and Kirschner, "A methodology for performing global uncertainty
/// and sensitivity analysis in systems biology", J. Theor. Biol. 2008): inputs and outcome are replaced by their ranks,
/// each input's ranks and the outcome's ranks are regressed on the ranks of all the other inputs, and the correlation
/// of the two residuals is the input's coefficient. Ties get their average rank.
/// </summary>
public static class PartialRankCorrelation
{
    /// <param name="inputs">A row per point, a value per input.</param>
    /// <param name="outcome">The outcome at each point.</param>
    /// <returns>A coefficient per input, in the inputs' order.</returns>
    public static IReadOnlyList<RankCorrelation> Of(IReadOnlyList<IReadOnlyList<double>> inputs, IReadOnlyList<double> outcome)
    {
        var n = inputs.Count;
        if (outcome.Count != n) throw new ArgumentException($"{outcome.Count} outcomes for {n} points", nameof(outcome));
        var d = n == 0 ? 0 : inputs[0].Count;
        var none = new RankCorrelation(double.NaN, double.NaN);
        var ranks = Enumerable.Range(0, d).Select(j => Statistics.Ranks(inputs.Select(row => row[j]), RankDefinition.Average)).ToList();
        var y = Statistics.Ranks(outcome, RankDefinition.Average);
        // An input that did not vary explains nothing and would make the regressions singular: it is left out of them.
        var varying = Enumerable.Range(0, d).Where(j => Varies(ranks[j])).ToList();
        var result = new RankCorrelation[d];
        for (var j = 0; j < d; j++)
        {
            var others = varying.Where(k => k != j).ToList();
            var degrees = n - 2 - others.Count;
            if (!varying.Contains(j) || !Varies(y) || degrees < 1)
            {
                result[j] = none;
                continue;
            }
            var design = Matrix<double>.Build.Dense(n, others.Count + 1, (i, c) => c == 0 ? 1 : ranks[others[c - 1]][i]);
            var rx = Residuals(design, ranks[j]);
            var ry = Residuals(design, y);
            if (!Varies(rx) || !Varies(ry))
            {
                result[j] = none;
                continue;
            }
            var r = Math.Clamp(Correlation.Pearson(rx, ry), -1, 1);
            var p = Math.Abs(r) >= 1 ? 0 : 2 * (1 - StudentT.CDF(0, 1, degrees, Math.Abs(r) * Math.Sqrt(degrees / (1 - r * r))));
            result[j] = new RankCorrelation(r, Math.Clamp(p, 0, 1));
        }
        return result;
    }

    /// <summary>What least squares on <paramref name="design"/> leaves of <paramref name="values"/>.</summary>
    private static double[] Residuals(Matrix<double> design, double[] values)
    {
        var v = Vector<double>.Build.DenseOfArray(values);
        var fitted = design * design.QR().Solve(v);
        return (v - fitted).ToArray();
    }

    /// <summary>Whether values differ by more than rounding: residuals of a perfect fit are not exactly 0.</summary>
    private static bool Varies(double[] values)
    {
        if (values.Length < 2) return false;
        var scale = values.Max(Math.Abs);
        return values.Max() - values.Min() > 1e-9 * Math.Max(1, scale) && values.Variance() > 1e-18 * Math.Max(1, scale * scale);
    }
}
