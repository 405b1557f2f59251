namespace SupplyChainSim.Model.Exploration;

/// <summary>
/// Latin hypercube sampling (McKay, Beckman and Conover, 1979): n points in d dimensions such that, along every
/// dimension, each of the n equal strata of (0, 1) holds exactly one point. Each dimension's strata are shuffled on
/// their own and a point falls anywhere within its stratum, so the sample covers every input's whole range however
/// few points there are, which plain random sampling does not.
/// </summary>
public static class LatinHypercube
{
    /// <summary>
    /// <paramref name="samples"/> points of <paramref name="dimensions"/> shares, each strictly between 0 and 1 (a
    /// quantile function is finite there), drawn from <paramref name="random"/> only: the same stream gives the same points.
    /// </summary>
    public static double[][] Sample(int samples, int dimensions, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(samples);
        ArgumentOutOfRangeException.ThrowIfNegative(dimensions);
        var points = new double[samples][];
        for (var i = 0; i < samples; i++) points[i] = new double[dimensions];
        var strata = new int[samples];
        for (var d = 0; d < dimensions; d++)
        {
            for (var i = 0; i < samples; i++) strata[i] = i;
            // Fisher-Yates, drawn from the stream's doubles so the shuffle does not depend on Random's integer methods.
            for (var i = samples - 1; i > 0; i--)
            {
                var j = Math.Min(i, (int)(random.NextDouble() * (i + 1)));
                (strata[i], strata[j]) = (strata[j], strata[i]);
            }
            for (var i = 0; i < samples; i++)
            {
                var within = Math.Clamp(random.NextDouble(), 1e-9, 1 - 1e-9);
                points[i][d] = (strata[i] + within) / samples;
            }
        }
        return points;
    }
}
