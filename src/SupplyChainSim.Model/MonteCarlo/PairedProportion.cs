using MathNet.Numerics.Distributions;

namespace SupplyChainSim.Model.MonteCarlo;

/// <summary>
/// P(scenario) minus P(reference) over paired replications. <see cref="More"/>: pairs where only the scenario reached
/// it; <see cref="Fewer"/>: only the reference. <see cref="Kind"/> null is "any breach of any kind".
/// </summary>
public sealed record PairedProportion(string? Kind, double? ThresholdH100e, int Pairs, int Both, int More, int Fewer, int Neither,
    double Difference, double Lower95, double Upper95, double McNemarP)
{
    public static PairedProportion Of(string? kind, double? threshold, IReadOnlyList<(bool Reference, bool Scenario)> pairs)
    {
        var n = pairs.Count;
        var both = pairs.Count(p => p.Reference && p.Scenario);
        var more = pairs.Count(p => p.Scenario && !p.Reference);
        var fewer = pairs.Count(p => p.Reference && !p.Scenario);
        var neither = n - both - more - fewer;
        if (n == 0) return new PairedProportion(kind, threshold, 0, 0, 0, 0, 0, 0, -1, 1, 1);
        var (lower, upper) = Newcombe(both, more, fewer, neither);
        return new PairedProportion(kind, threshold, n, both, more, fewer, neither, (double)(more - fewer) / n, lower, upper, McNemar(more, fewer));
    }

    /// <summary>
    /// Newcombe's square-and-add interval for p1 - p2 from paired data: p1 = (both + more) / n is the scenario's,
    /// p2 = (both + fewer) / n the reference's, each with its Wilson score interval, combined with the correlation phi
    /// of the 2x2 table (0 when a margin is empty).
    /// </summary>
    public static (double Lower, double Upper) Newcombe(int both, int more, int fewer, int neither)
    {
        var n = both + more + fewer + neither;
        var p1 = (double)(both + more) / n;
        var p2 = (double)(both + fewer) / n;
        var (l1, u1) = MonteCarloSummary.WilsonInterval(both + more, n, 0.95);
        var (l2, u2) = MonteCarloSummary.WilsonInterval(both + fewer, n, 0.95);
        var margins = (double)(both + more) * (fewer + neither) * (both + fewer) * (more + neither);
        var phi = margins == 0 ? 0 : ((double)both * neither - (double)more * fewer) / Math.Sqrt(margins);
        var difference = p1 - p2;
        var below = Math.Sqrt(Math.Max(0, (p1 - l1) * (p1 - l1) - 2 * phi * (p1 - l1) * (u2 - p2) + (u2 - p2) * (u2 - p2)));
        var above = Math.Sqrt(Math.Max(0, (u1 - p1) * (u1 - p1) - 2 * phi * (u1 - p1) * (p2 - l2) + (p2 - l2) * (p2 - l2)));
        return (Math.Max(-1, difference - below), Math.Min(1, difference + above));
    }

    /// <summary>The exact McNemar test: two-sided, the discordant pairs as a binomial with p = 1/2; 1 without discordant pairs.</summary>
    public static double McNemar(int more, int fewer)
    {
        var discordant = more + fewer;
        if (discordant == 0) return 1;
        return Math.Min(1, 2 * Binomial.CDF(0.5, discordant, Math.Min(more, fewer)));
    }
}
