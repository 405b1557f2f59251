using MathNet.Numerics.Distributions;

namespace SupplyChainSim.Model.Exploration;

/// <summary>
/// The patient rule induction method (PRIM; Friedman and Fisher, "Bump hunting in high-dimensional data", Statistics
/// and Computing 9, 1999), as scenario discovery uses it (Bryant and Lempert 2010; the EMA Workbench): starting from
/// the box of all points, peel repeatedly the slice of one input's low or high end (a share <c>alpha</c> of the
/// box's points) whose removal leaves the densest box, until the box would hold less than <c>minimumMass</c> of the
/// points. Every box on the way is kept: the trajectory trades coverage against density, and the analyst picks one.
/// Pasting (optional) then widens a box again while that raises its density. Ties are broken by input order, low end
/// first, so the same points always give the same boxes.
/// </summary>
public static class PatientRuleInduction
{
    /// <summary>The peeling trajectory: the box of all points first, then each box after one more peel.</summary>
    public static IReadOnlyList<PrimBox> Peel(PrimData data, double alpha = 0.05, double minimumMass = 0.05)
    {
        var box = data.Whole;
        var trajectory = new List<PrimBox> { box };
        while (box.Density < 1 && Best(data, box, alpha, minimumMass, peel: true) is { } next)
        {
            box = next;
            trajectory.Add(box);
        }
        return trajectory;
    }

    /// <summary>Widens a box, a slice at a time, while that raises its density (Friedman and Fisher's pasting).</summary>
    public static PrimBox Paste(PrimData data, PrimBox box, double alpha = 0.05)
    {
        while (Best(data, box, alpha, 0, peel: false) is { } wider && wider.Density > box.Density) box = wider;
        return box;
    }

    /// <summary>
    /// The box on the trajectory with the best balance of coverage and density: the largest harmonic mean of the two
    /// (the F1 score of the box as a rule for finding cases); the first of equals.
    /// </summary>
    public static int Choose(IReadOnlyList<PrimBox> trajectory)
    {
        static double Balance(PrimBox b) => b.Coverage + b.Density == 0 ? 0 : 2 * b.Coverage * b.Density / (b.Coverage + b.Density);
        var best = 0;
        for (var i = 1; i < trajectory.Count; i++)
            if (Balance(trajectory[i]) > Balance(trajectory[best]) + 1e-12) best = i;
        return best;
    }

    /// <summary>
    /// The box's limits with their quasi-p-values (Bryant and Lempert 2010): for each limited input, the chance that
    /// the box would hold at least its cases if its density were that of the box without the limit (binomial).
    /// </summary>
    public static IReadOnlyList<PrimRestriction> Restrictions(PrimData data, PrimBox box) =>
        box.Restricted(data).Select(j =>
        {
            var without = data.Box(Replace(box.Lower, j, data.Min[j]), Replace(box.Upper, j, data.Max[j]));
            var p0 = without.Points == 0 ? 0 : (double)without.Cases / without.Points;
            var quasiP = box.Cases == 0 ? 1 : p0 >= 1 ? 1 : p0 <= 0 ? 0 : 1 - Binomial.CDF(p0, box.Points, box.Cases - 1);
            return new PrimRestriction(j, box.Lower[j], box.Upper[j], box.Lower[j] > data.Min[j], box.Upper[j] < data.Max[j], Math.Clamp(quasiP, 0, 1));
        }).ToList();

    /// <summary>
    /// The box with the limits that do not matter removed, one at a time, the least significant first, until every
    /// limit left has a quasi-p-value below <paramref name="significance"/>: the box as it is worth describing.
    /// </summary>
    public static PrimBox Prune(PrimData data, PrimBox box, double significance = 0.05)
    {
        while (Restrictions(data, box).OrderByDescending(r => r.QuasiP).ThenBy(r => r.Input).FirstOrDefault() is { } weakest && weakest.QuasiP >= significance)
            box = data.Box(Replace(box.Lower, weakest.Input, data.Min[weakest.Input]), Replace(box.Upper, weakest.Input, data.Max[weakest.Input]));
        return box;
    }

    private static IReadOnlyList<double> Replace(IReadOnlyList<double> bounds, int j, double value)
    {
        var copy = bounds.ToArray();
        copy[j] = value;
        return copy;
    }

    /// <summary>
    /// The best box one peel (or paste) away; null when there is none. Peels (and pastes) are judged by the change in
    /// density per point they remove (or add): for slices of equal size that is simply the densest box, and a slice
    /// that must take a whole value of a whole-number input, and so many more points, has to earn it (Friedman and
    /// Fisher's remark on peeling discrete inputs).
    /// </summary>
    private static PrimBox? Best(PrimData data, PrimBox box, double alpha, double minimumMass, bool peel)
    {
        PrimBox? best = null;
        var bestGain = double.NegativeInfinity;
        for (var j = 0; j < data.Dimensions; j++)
            foreach (var low in new[] { true, false })
            {
                var candidate = peel ? PeelOne(data, box, j, low, alpha) : PasteOne(data, box, j, low, alpha);
                if (candidate is null || candidate.Mass < minimumMass || candidate.Points == 0) continue;
                var gain = (candidate.Density - box.Density) / Math.Abs(box.Points - candidate.Points);
                // Among equals, the one that keeps more points (peels less, or pastes more).
                if (best is null || gain > bestGain + 1e-15 || (Math.Abs(gain - bestGain) <= 1e-15 && candidate.Points > best.Points))
                    (best, bestGain) = (candidate, gain);
            }
        return best;
    }

    /// <summary>
    /// The box with the lowest (or highest) share <paramref name="alpha"/> of its points along input j removed: at
    /// least one point, and every point tied with the last one removed; the new bound is the nearest value kept.
    /// </summary>
    private static PrimBox? PeelOne(PrimData data, PrimBox box, int j, bool low, double alpha)
    {
        var values = Enumerable.Range(0, data.Count).Where(i => box.Contains(data.Inputs[i])).Select(i => data.Inputs[i][j]).ToList();
        values.Sort();
        if (!low) values.Reverse();
        var k = Math.Max(1, (int)Math.Floor(alpha * values.Count));
        if (k >= values.Count) return null;
        var cut = values[k - 1];
        var kept = values.Skip(k).FirstOrDefault(v => v != cut, double.NaN);
        if (double.IsNaN(kept)) return null;
        return low ? data.Box(Replace(box.Lower, j, kept), box.Upper) : data.Box(box.Lower, Replace(box.Upper, j, kept));
    }

    /// <summary>
    /// The box widened along input j, at its low (or high) end, by the share <paramref name="alpha"/> of its points
    /// nearest outside it (that are inside it on every other input); the new bound is the farthest value added.
    /// </summary>
    private static PrimBox? PasteOne(PrimData data, PrimBox box, int j, bool low, double alpha)
    {
        var outside = new List<double>();
        for (var i = 0; i < data.Count; i++)
        {
            var x = data.Inputs[i];
            var v = x[j];
            if (low ? v >= box.Lower[j] : v <= box.Upper[j]) continue;
            var inOthers = true;
            for (var m = 0; m < data.Dimensions && inOthers; m++)
                if (m != j && (x[m] < box.Lower[m] || x[m] > box.Upper[m])) inOthers = false;
            if (inOthers) outside.Add(v);
        }
        if (outside.Count == 0) return null;
        outside.Sort();
        if (low) outside.Reverse();
        var k = Math.Min(outside.Count, Math.Max(1, (int)Math.Floor(alpha * box.Points)));
        var bound = outside[k - 1];
        return low ? data.Box(Replace(box.Lower, j, bound), box.Upper) : data.Box(box.Lower, Replace(box.Upper, j, bound));
    }
}
