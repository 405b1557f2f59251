
namespace SupplyChainSim.Model.Scenarios;

/// <summary>
/// The values a number in a scenario, catalogue or country file may take. The loader checks it where the number is
/// written (with its line and column), and the JSON Schema states it (minimum, maximum). On a list or a dictionary it
/// applies to each value; on a <see cref="Distribution"/>, to every value the distribution may draw.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ValueRangeAttribute(double minimum, double maximum) : Attribute
{
    public double Minimum { get; } = minimum;

    public double Maximum { get; } = maximum;

    /// <summary>The minimum itself is out of range: a size or a rate that must be above it.</summary>
    public bool AboveMinimum { get; init; }

    /// <summary>What the number is, as messages name it ("a probability"); "a number" or "a whole number" when absent.</summary>
    public string? Is { get; init; }
}
