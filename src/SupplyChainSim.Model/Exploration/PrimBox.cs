
namespace SupplyChainSim.Model.Exploration;

/// <summary>
/// A box of input space: each input between <see cref="Lower"/> and <see cref="Upper"/> (both included), and what it
/// holds of a set of points. Coverage: the share of all cases that fall in it; density: the share of its points that
/// are cases; mass: the share of all points in it.
/// </summary>
public sealed record PrimBox(IReadOnlyList<double> Lower, IReadOnlyList<double> Upper, int Points, int Cases, double Coverage, double Density, double Mass)
{
    /// <summary>The inputs the box limits: those whose bounds are inside the range the points span.</summary>
    public IReadOnlyList<int> Restricted(PrimData data) =>
        Enumerable.Range(0, Lower.Count).Where(j => Lower[j] > data.Min[j] || Upper[j] < data.Max[j]).ToList();

    public bool Contains(IReadOnlyList<double> x)
    {
        for (var j = 0; j < Lower.Count; j++)
            if (x[j] < Lower[j] || x[j] > Upper[j]) return false;
        return true;
    }
}
