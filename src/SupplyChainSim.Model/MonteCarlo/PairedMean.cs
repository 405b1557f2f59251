using MathNet.Numerics.Distributions;

namespace SupplyChainSim.Model.MonteCarlo;

/// <summary>
/// The mean of paired differences (scenario minus reference) with the 95% paired t interval and the two-sided paired t
/// test's p-value. With one pair there is no interval (NaN); when every pair differs by the same amount, the interval
/// is that amount and p is 1 if it is 0, else 0.
/// </summary>
public sealed record PairedMean(int Pairs, double Difference, double Lower95, double Upper95, double P)
{
    public static PairedMean Of(IReadOnlyList<double> differences)
    {
        var n = differences.Count;
        if (n == 0) return new PairedMean(0, double.NaN, double.NaN, double.NaN, double.NaN);
        if (n == 1) return new PairedMean(1, differences[0], double.NaN, double.NaN, double.NaN);
        // Every pair alike (deterministic scenarios): the difference is known, not estimated.
        if (differences.All(d => d == differences[0])) return new PairedMean(n, differences[0], differences[0], differences[0], differences[0] == 0 ? 1 : 0);
        var mean = differences.Sum() / n;
        var variance = differences.Sum(d => (d - mean) * (d - mean)) / (n - 1);
        var error = Math.Sqrt(variance / n);
        var t = StudentT.InvCDF(0, 1, n - 1, 0.975);
        var p = 2 * (1 - StudentT.CDF(0, 1, n - 1, Math.Abs(mean) / error));
        return new PairedMean(n, mean, mean - t * error, mean + t * error, Math.Clamp(p, 0, 1));
    }
}
