using SupplyChainSim.Model.Units;

namespace SupplyChainSim.Model.Regimes;

/// <summary>
/// What a destination country has used of every cap, allowance, quota and pledge, each in its own unit: compute
/// (exact tenths of TPP), chips, and dollars. An account names what it counts.
/// </summary>
public sealed class DestinationLedger
{
    public SortedDictionary<string, long> ComputeTenths { get; init; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Accounts that count one calendar year (a consignee's yearly allowance), of the latest year counted
    /// (<see cref="Year"/>) only: an earlier year's can never be drawn on again, and a large world opens a million of them.
    /// </summary>
    public SortedDictionary<string, long> ComputeThisYear { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The latest year a yearly account was counted in.</summary>
    public int Year { get; set; }

    public SortedDictionary<string, long> Chips { get; init; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, decimal> Dollars { get; init; } = new(StringComparer.Ordinal);

    public Tpp this[ComputeAccount account] =>
        new((account.Year is null ? ComputeTenths : ComputeThisYear).GetValueOrDefault(account.Key));

    public long this[ChipAccount account] => Chips.GetValueOrDefault(account.Key);

    public decimal this[DollarAccount account] => Dollars.GetValueOrDefault(account.Key);

    public void Add(ComputeAccount account, Tpp compute)
    {
        var accounts = ComputeTenths;
        if (account.Year is { } year)
        {
            // Counting in a new year closes the earlier years' accounts (each key names its year, so none is confused).
            if (year > Year)
            {
                ComputeThisYear.Clear();
                Year = year;
            }
            accounts = ComputeThisYear;
        }
        accounts[account.Key] = checked(accounts.GetValueOrDefault(account.Key) + compute.Tenths);
    }

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
