using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Regimes;

/// <summary>
/// What a destination country has used of every cap, allowance, quota and pledge, each in its own unit: compute
/// (exact tenths of TPP), chips, and dollars. An account names what it counts.
/// </summary>
public sealed class DestinationLedger
{
    public SortedDictionary<string, long> ComputeTenths { get; init; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, long> Chips { get; init; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, decimal> Dollars { get; init; } = new(StringComparer.Ordinal);

    public Tpp this[ComputeAccount account] => new(ComputeTenths.GetValueOrDefault(account.Key));

    public long this[ChipAccount account] => Chips.GetValueOrDefault(account.Key);

    public decimal this[DollarAccount account] => Dollars.GetValueOrDefault(account.Key);

    public void Add(ComputeAccount account, Tpp compute) => ComputeTenths[account.Key] = checked(ComputeTenths.GetValueOrDefault(account.Key) + compute.Tenths);

    /// <summary>Counts <paramref name="compute"/> against the account if it fits under <paramref name="limit"/>.</summary>
    public bool TryUse(ComputeAccount account, Tpp compute, Tpp limit)
    {
        if (this[account] + compute > limit) return false;
        Add(account, compute);
        return true;
    }

    public bool TryUse(ChipAccount account, long chips, long limit)
    {
        if (this[account] + chips > limit) return false;
        Chips[account.Key] = this[account] + chips;
        return true;
    }

    public bool TryUse(DollarAccount account, decimal dollars, decimal limit)
    {
        if (this[account] + dollars > limit) return false;
        Dollars[account.Key] = this[account] + dollars;
        return true;
    }
}
