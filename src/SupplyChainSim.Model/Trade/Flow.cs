using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Trade;

/// <summary>A count of chips and the compute they carry.</summary>
public readonly record struct Flow(long Chips, Tpp Compute)
{
    public static readonly Flow None = new(0, Tpp.Zero);

    public static Flow operator +(Flow a, Flow b) => new(a.Chips + b.Chips, a.Compute + b.Compute);
}
