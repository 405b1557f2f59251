
namespace SupplyChainSim.Model.Exploration;

/// <summary>The points PRIM works on: a row of input values per point, and whether it is a case of the outcome sought.</summary>
public sealed class PrimData
{
    public PrimData(IReadOnlyList<IReadOnlyList<double>> inputs, IReadOnlyList<bool> cases)
    {
        if (inputs.Count != cases.Count) throw new ArgumentException($"{cases.Count} cases for {inputs.Count} points", nameof(cases));
        if (inputs.Count == 0) throw new ArgumentException("PRIM needs at least one point", nameof(inputs));
        Inputs = inputs;
        Cases = cases;
        var d = inputs[0].Count;
        Min = Enumerable.Range(0, d).Select(j => inputs.Min(x => x[j])).ToList();
        Max = Enumerable.Range(0, d).Select(j => inputs.Max(x => x[j])).ToList();
        TotalCases = cases.Count(c => c);
    }

    public IReadOnlyList<IReadOnlyList<double>> Inputs { get; }

    public IReadOnlyList<bool> Cases { get; }

    /// <summary>Each input's smallest and largest value over the points: the bounds of the box that limits nothing.</summary>
    public IReadOnlyList<double> Min { get; }

    public IReadOnlyList<double> Max { get; }

    public int TotalCases { get; }

    public int Count => Inputs.Count;

    public int Dimensions => Min.Count;

    /// <summary>A box with these bounds, counted over the points.</summary>
    public PrimBox Box(IReadOnlyList<double> lower, IReadOnlyList<double> upper)
    {
        var box = new PrimBox(lower, upper, 0, 0, 0, 0, 0);
        var (points, cases) = (0, 0);
        for (var i = 0; i < Count; i++)
        {
            if (!box.Contains(Inputs[i])) continue;
            points++;
            if (Cases[i]) cases++;
        }
        return box with
        {
            Points = points, Cases = cases, Coverage = TotalCases == 0 ? 0 : (double)cases / TotalCases, Density = points == 0 ? 0 : (double)cases / points,
            Mass = (double)points / Count,
        };
    }

    public PrimBox Whole => Box(Min, Max);
}
