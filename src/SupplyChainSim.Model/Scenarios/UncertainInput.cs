namespace SupplyChainSim.Model.Scenarios;

/// <summary>
/// A number of a scenario given as a distribution: each replication draws one value for it, from a stream keyed by its
/// seed and the number's path, kept within the number's range (and rounded for a whole number).
/// </summary>
public sealed record UncertainInput(string Path, Distribution Distribution, bool Whole, DrawRange Range)
{
    public double Draw(ulong seed)
    {
        var value = Distribution.Sample(new Randomness.RandomStreams(seed).For(Path, 0, "uncertain-input"));
        if (Whole) value = Math.Round(value, MidpointRounding.AwayFromZero);
        var low = Range.AboveMinimum ? (Whole ? Range.Minimum + 1 : Math.BitIncrement(Range.Minimum)) : Range.Minimum;
        return Math.Clamp(value, low, Range.Maximum);
    }
}
