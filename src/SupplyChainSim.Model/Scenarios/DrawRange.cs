namespace SupplyChainSim.Model.Scenarios;

/// <summary>What a distribution may draw for its key: the key's range, and how messages name it.</summary>
public sealed record DrawRange(double Minimum, double Maximum, bool AboveMinimum, string Description)
{
    /// <summary>Any finite number: for distributions read outside a scenario file's keys.</summary>
    public static readonly DrawRange Any = new(double.MinValue, double.MaxValue, false, "a number");

    public bool Contains(double value) => double.IsFinite(value) && (AboveMinimum ? value > Minimum : value >= Minimum) && value <= Maximum;
}
