using System.Globalization;
using System.Text.Json.Nodes;
using SupplyChainSim.Model.Scenarios;
using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Exploration;

/// <summary>
/// An input `explore` varies, resolved against its scenario: the number at <see cref="ResolvedPath"/> (items named in
/// the path numbered), what it may be (<see cref="Distribution"/>, within <see cref="Range"/>, the key's own range),
/// and whether it takes whole numbers.
/// </summary>
/// <param name="Path">The path as the scenario gives it.</param>
/// <param name="ResolvedPath">Where the value goes in the merged scenario (a TPP key for an input given in H100e).</param>
/// <param name="FromRange">Given as min and max (sampled uniformly over them), rather than as a distribution.</param>
/// <param name="InH100e">The path names the H100e form of a TPP setting: values are H100e, set as TPP.</param>
/// <param name="ReplacesUncertain">The path holds an uncertain input: its value is now fixed per point, not drawn per replication.</param>
public sealed record ExploredInput(string Name, string Path, string ResolvedPath, Distribution Distribution, bool FromRange, bool Whole, DrawRange Range,
    bool InH100e, bool ReplacesUncertain)
{
    /// <summary>
    /// The value at a share <paramref name="p"/> of the input's distribution (0 to 1, both excluded): a range's whole
    /// numbers each get an equal share; continuous values are kept to 6 significant digits, so that what explore.csv
    /// shows is exactly what ran; every value is kept within the key's range.
    /// </summary>
    public double ValueAt(double p)
    {
        double value;
        if (FromRange && Whole)
        {
            var (min, max) = (Distribution.With["min"], Distribution.With["max"]);
            value = Math.Min(max, min + Math.Floor(p * (max - min + 1)));
        }
        else
        {
            value = Distribution.Quantile(p);
            value = Whole ? Math.Round(value, MidpointRounding.AwayFromZero) : double.Parse(value.ToString("G6", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        }
        var low = Range.AboveMinimum ? (Whole ? Range.Minimum + 1 : Math.BitIncrement(Range.Minimum)) : Range.Minimum;
        return Math.Clamp(value, low, Range.Maximum);
    }

    /// <summary>The value as it is laid into the scenario: TPP for an input given in H100e, a whole number for a whole key.</summary>
    public JsonNode Json(double value) =>
        InH100e ? JsonValue.Create(Tpp.FromH100e(value).Value)
        : Whole ? JsonValue.Create((long)value)
        : JsonValue.Create(value);

    /// <summary>"0.02 to 0.4", or the distribution with its parameters: what the input was sampled from.</summary>
    public string Sampled => FromRange
        ? $"{Number(Distribution.With["min"])} to {Number(Distribution.With["max"])}"
        : $"{Distribution.Dist} ({string.Join(", ", Distribution.With.OrderBy(p => Array.IndexOf(Distribution.Parameters[Distribution.Dist], p.Key)).Select(p => $"{p.Key} {Number(p.Value)}"))})";

    private static string Number(double value) => ScenarioLimits.Format(value);
}
